namespace HealthCode.Api.Contracts;

/// <summary>
/// Status is "Healthy", "Degraded" or "Unhealthy". Checks (readiness only) lists each dependency (status store,
/// ingestion connection, bus, region profiles, policies) with its own status and a short description.
/// </summary>
public sealed record HealthBody(string Status, IReadOnlyDictionary<string, HealthCheckBody>? Checks = null);
