namespace HealthCode.Api.DryRun;

/// <summary>Either what verify decided, or why it could not run (Field names the sample's field, e.g. checkpoint.region).</summary>
public sealed record VerifyAttempt(DryRunVerify? Verify, string? Field, string? Error)
{
    public static VerifyAttempt Failed(string field, string error) => new(null, field, error);
}
