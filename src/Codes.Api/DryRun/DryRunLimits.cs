namespace HealthCode.Api.DryRun;

/// <summary>
/// Bounds on one dry run. The body limit is raised for this endpoint only (elsewhere Kestrel refuses more than 64 KiB);
/// each sample's payload keeps the 64 KiB of a real native payload. The time budget stops a run whose draft regexes
/// keep timing out (each match is already bounded) from holding a request for minutes.
/// </summary>
public static class DryRunLimits
{
    public const int MaxBodyBytes = 1024 * 1024;
    public const int MaxSamples = 200;
    public static readonly TimeSpan TimeBudget = TimeSpan.FromSeconds(10);
}
