namespace HealthCode.Verifier.Trust;

/// <summary>The shape of schemas/trust/&lt;region&gt;.json (schemas/trust.schema.json), as read before the keys are checked.</summary>
internal sealed record TrustFile(string Region, IReadOnlyList<TrustFileKey> Keys, string? Description = null);
