namespace HealthCode.Verifier.Regional.Snapshots;

/// <summary>
/// Snapshot records (kept <see cref="RegionalOptions.SnapshotRetention"/>) and the per-region lock that lets one
/// snapshot run at a time. The lock is a lease: a snapshot whose service died frees its region when the lease runs out.
/// </summary>
public interface ISnapshotStore
{
    /// <summary>False when another snapshot holds the region.</summary>
    Task<bool> TryLockAsync(string region, string snapshotId, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>False when the lock is no longer this snapshot's.</summary>
    Task<bool> RenewAsync(string region, string snapshotId, TimeSpan lease, CancellationToken cancellationToken = default);

    Task UnlockAsync(string region, string snapshotId, CancellationToken cancellationToken = default);

    Task SaveAsync(SnapshotStatus status, CancellationToken cancellationToken = default);

    /// <summary>The record, and whether this snapshot still holds its region's lock (a running one that does not was interrupted).</summary>
    Task<(SnapshotStatus? Status, bool HoldsLock)> GetAsync(string region, string snapshotId, CancellationToken cancellationToken = default);
}
