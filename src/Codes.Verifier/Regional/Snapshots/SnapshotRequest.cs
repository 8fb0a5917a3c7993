using HealthCode.Translator.Profiles;

namespace HealthCode.Verifier.Regional.Snapshots;

/// <summary>A received snapshot waiting for, or in, its run. Body is the spooled NDJSON (deleted when disposed).</summary>
public sealed record SnapshotRequest(RegionProfile Region, string Id, bool Prune, DateTimeOffset StartedAt, Stream Body);
