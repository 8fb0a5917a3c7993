namespace HealthCode.Api.DryRun;

/// <summary>Counts over the samples run: Normalized + Invalid = Samples; Mismatched counts samples with any mismatch.</summary>
public sealed record DryRunSummary(int Samples, int Normalized, int Invalid, int Mismatched);
