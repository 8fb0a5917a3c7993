namespace HealthCode.Api.DryRun;

/// <summary>Where verify is imagined: a six-digit region (its province's policy applies) and a scene.</summary>
public sealed record DryRunCheckpoint(string? Region, string? Scene);
