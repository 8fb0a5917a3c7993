namespace HealthCode.Verifier.Store;

/// <summary>The text prefix of a stored status value; a value past ExpiresAt is gone (the field outlives it until swept).</summary>
internal readonly record struct StoredPrefix(long Sequence, string Holder, bool Multi, bool Revoked, DateTimeOffset ExpiresAt, int RecordStart);
