namespace HealthCode.Api.Auth;

/// <summary>API key roles (DESIGN.md §7). Admin may do everything.</summary>
public static class Roles
{
    public const string Checkpoint = "checkpoint";
    public const string Integrator = "integrator";
    public const string Admin = "admin";
    public const string PublisherPrefix = "publisher:";
    public const string Described = "checkpoint, integrator, publisher:<region>, admin";

    public static string PublisherFor(string region) => PublisherPrefix + region;

    public static bool IsKnown(string? role) =>
        role is Checkpoint or Integrator or Admin
        || (role is not null && role.StartsWith(PublisherPrefix, StringComparison.Ordinal) && role.Length > PublisherPrefix.Length);
}
