namespace HealthCode.Verifier.Regional;

/// <summary>
/// What the hub keeps per region so a regional system can learn what became of its events: outcomes by message id
/// (7 days), the rejections feed (capped), signs of life and publish→applied lag, the code index that snapshot diffs
/// read, and each running snapshot's seen-set. Every key is scoped by region, so one region can never read another's
/// outcome. Redis (one Lua script per write, region-tagged keys) or in memory (embedded mode), with the same
/// semantics. Calls throw <see cref="Store.StoreUnavailableException"/> when the store does not answer.
/// </summary>
public interface IRegionalLedger
{
    /// <summary>"pending" for an event handed to the broker over HTTP; no-op if the id already has a record.</summary>
    Task RecordPendingAsync(string region, string messageId, long sequence, DateTimeOffset receivedAt, CancellationToken cancellationToken = default);

    /// <summary>Drops a record that is still pending (the broker refused the event, so nothing will decide it).</summary>
    Task ForgetPendingAsync(string region, string messageId, CancellationToken cancellationToken = default);

    /// <summary>Writes everything <paramref name="entry"/> carries; returns the state recorded (a heartbeat's is decided here).</summary>
    Task<EventState> RecordAsync(string region, LedgerEntry entry, CancellationToken cancellationToken = default);

    Task<EventOutcome?> GetOutcomeAsync(string region, string messageId, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="limit"/> rejections after <paramref name="after"/>, oldest first.</summary>
    Task<RejectionPage> ReadRejectionsAsync(string region, RejectionCursor after, int limit, CancellationToken cancellationToken = default);

    Task<RegionSigns> GetSignsAsync(string region, CancellationToken cancellationToken = default);

    Task<LagSummary> GetLagAsync(string region, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Marks a code as mentioned by a snapshot (lines whose event was refused but whose code could be read).</summary>
    Task MarkSeenAsync(string region, string snapshotId, string code, CancellationToken cancellationToken = default);

    /// <summary>One page of the region's live, unrevoked codes the snapshot did not mention; start with cursor "0".</summary>
    Task<UnlistedPage> FindUnlistedAsync(string region, string snapshotId, string cursor, DateTimeOffset now, CancellationToken cancellationToken = default);

    Task DropSeenAsync(string region, string snapshotId, CancellationToken cancellationToken = default);
}
