namespace HealthCode.Verifier.Regional.Snapshots;

/// <summary>Why a snapshot failed (<see cref="SnapshotStatus.Error"/>) or did not prune (<see cref="SnapshotStatus.PruneSkipped"/>).</summary>
public static class SnapshotErrors
{
    /// <summary>The store stayed down through the retries; the lines applied so far stay applied (each was a CAS).</summary>
    public const string StoreUnavailable = "store-unavailable";
    /// <summary>The service stopped, or lost the region's snapshot lock, before the snapshot finished.</summary>
    public const string Interrupted = "interrupted";
    /// <summary>An unexpected fault in the service (logged); never caused by a line, which is rejected instead.</summary>
    public const string Internal = "internal";
    /// <summary>Some line's code could not be read, so "not mentioned" cannot be known: nothing is revoked.</summary>
    public const string UnreadableLines = "unreadable-lines";
    /// <summary>A snapshot without a single line would revoke every code of the region: taken for a mistake, nothing is revoked.</summary>
    public const string EmptySnapshot = "empty-snapshot";
}
