namespace HealthCode.Verifier.Store;

/// <summary>The text prefix of a stored status value; Legacy: the record after it is the JSON of earlier builds.</summary>
internal readonly record struct StoredPrefix(long Sequence, string Holder, bool Multi, bool Revoked, int RecordStart, bool Legacy);
