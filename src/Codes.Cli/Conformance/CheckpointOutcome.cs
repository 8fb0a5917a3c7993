using HealthCode.Cli.Engine;

namespace HealthCode.Cli.Conformance;

/// <summary>An expected checkpoint decision beside the one the hub reached.</summary>
public sealed record CheckpointOutcome(CheckpointExpectation Expected, CheckpointDecision Actual)
{
    public bool Passed =>
        Actual.Decision == Expected.Decision
        && (Expected.Reasons is null || Expected.Reasons.ToHashSet(StringComparer.Ordinal).SetEquals(Actual.Reasons));

    public string Province => Expected.Checkpoint.Region[..2] + "0000";

    public string Describe() =>
        $"{Expected.Checkpoint.Region}/{Expected.Checkpoint.Scene}: expected {Expected.Decision}"
        + (Expected.Reasons is null ? "" : $" [{string.Join(", ", Expected.Reasons)}]")
        + ", got " + (Actual.Decision is null ? $"no decision ({Actual.Problem})" : $"{Actual.Decision} [{string.Join(", ", Actual.Reasons)}]");
}
