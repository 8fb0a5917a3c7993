namespace HealthCode.Verifier.Trust;

/// <summary>One entry of a trust file's "keys" array, unchecked.</summary>
internal sealed record TrustFileKey(
    string Id,
    string Algorithm,
    string PublicKey,
    DateTimeOffset? NotBefore = null,
    DateTimeOffset? NotAfter = null,
    string? Description = null);
