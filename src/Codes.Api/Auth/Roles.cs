namespace HealthCode.Api.Auth;

/// <summary>API key roles (DESIGN.md §7). Admin may do everything.</summary>
public static class Roles
{
    public const string Checkpoint = "checkpoint";
    public const string Integrator = "integrator";
    public const string Admin = "admin";
    public const string PublisherPrefix = "publisher:";

    public static string PublisherFor(string region) => PublisherPrefix + region;
}
