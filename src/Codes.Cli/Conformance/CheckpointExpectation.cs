using HealthCode.Cli.Engine;

namespace HealthCode.Cli.Conformance;

/// <summary>The decision a vector expects at one checkpoint; Reasons, when given, must match as a set.</summary>
public sealed record CheckpointExpectation(CheckpointQuery Checkpoint, string Decision, IReadOnlyList<string>? Reasons);
