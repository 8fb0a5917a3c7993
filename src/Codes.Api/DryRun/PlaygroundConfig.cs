namespace HealthCode.Api.DryRun;

/// <summary>What the playground page may know before it has a key: the development key, only while it is in force.</summary>
public sealed record PlaygroundConfig(string? DevelopmentKey);
