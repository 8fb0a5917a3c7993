namespace HealthCode.Verifier.Regional.Snapshots;

/// <summary>What <see cref="SnapshotCoordinator.StartAsync"/> made of a received snapshot.</summary>
public sealed record SnapshotStart(SnapshotStartResult Result, SnapshotStatus? Status = null);
