namespace HealthCode.Api.Contracts;

/// <summary>Status is "Healthy", "Degraded" or "Unhealthy"; Checks maps each readiness check to its status.</summary>
public sealed record HealthBody(string Status, IReadOnlyDictionary<string, string>? Checks = null);
