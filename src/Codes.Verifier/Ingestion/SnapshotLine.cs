namespace HealthCode.Verifier.Ingestion;

/// <summary>Where an event came from when it is a line of a region's snapshot (1-based line number in the NDJSON body).</summary>
public sealed record SnapshotLine(string SnapshotId, long Line);
