namespace HealthCode.Cli.Engine;

/// <summary>A translated level: canonical level, the target's label and native value (null when it has none), and whether it is exact.</summary>
public sealed record TranslateOutcome(string Level, string TargetRegion, string Label, string? NativeLevel, bool Exact);
