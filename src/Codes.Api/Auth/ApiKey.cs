namespace HealthCode.Api.Auth;

/// <summary>One configured key. Only a hash of the key is kept in memory, so comparisons are fixed-length and constant-time.</summary>
public sealed record ApiKey(string Name, byte[] KeyHash, IReadOnlyList<string> Roles);
