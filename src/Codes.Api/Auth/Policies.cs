namespace HealthCode.Api.Auth;

/// <summary>Authorization policy names used by the endpoints.</summary>
public static class Policies
{
    public const string AnyRole = "any-role";
    public const string Checkpoint = "checkpoint";
    public const string Integrator = "integrator";
    public const string Admin = "admin";
    /// <summary>publisher:&lt;the region in the route&gt; (or admin).</summary>
    public const string RegionPublisher = "region-publisher";
}
