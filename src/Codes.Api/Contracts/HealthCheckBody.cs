namespace HealthCode.Api.Contracts;

/// <summary>One readiness dependency: its status and a short description of what was seen (never a secret or a value).</summary>
public sealed record HealthCheckBody(string Status, string? Description);
