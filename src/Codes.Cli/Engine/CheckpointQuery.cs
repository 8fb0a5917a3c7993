namespace HealthCode.Cli.Engine;

/// <summary>Where a code is scanned: a six-digit region and a scene.</summary>
public sealed record CheckpointQuery(string Region, string Scene);
