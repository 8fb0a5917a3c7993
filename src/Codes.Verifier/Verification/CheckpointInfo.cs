namespace HealthCode.Verifier.Verification;

/// <summary>Where the scan happens. Region is a six-digit GB/T 2260 code; Scene one of <see cref="Policies.Scenes"/>.</summary>
public sealed record CheckpointInfo(string Region, string Scene, string? Id);
