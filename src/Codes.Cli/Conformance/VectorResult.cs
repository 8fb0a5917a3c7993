namespace HealthCode.Cli.Conformance;

/// <summary>What running one vector found: Failures are the normalization mismatches, Checkpoints every decision.</summary>
public sealed record VectorResult(ConformanceVector Vector, IReadOnlyList<string> Failures, IReadOnlyList<CheckpointOutcome> Checkpoints, TimeSpan Elapsed)
{
    public bool Passed => Failures.Count == 0 && Checkpoints.All(c => c.Passed);

    /// <summary>Every mismatch, normalization and checkpoints, one line each.</summary>
    public IEnumerable<string> Problems => Failures.Concat(Checkpoints.Where(c => !c.Passed).Select(c => c.Describe()));
}
