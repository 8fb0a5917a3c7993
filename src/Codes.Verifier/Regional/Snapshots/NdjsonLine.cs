namespace HealthCode.Verifier.Regional.Snapshots;

/// <summary>One line of an NDJSON body: its 1-based number and bytes (no line ending), or TooLong when it was skipped.</summary>
public sealed record NdjsonLine(long Number, byte[] Bytes, bool TooLong);
