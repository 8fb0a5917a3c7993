using HealthCode.Verifier.Ingestion;

namespace HealthCode.Verifier.Regional;

/// <summary>
/// What <see cref="IRegionalLedger.RecordAsync"/> writes for one decided event, all at once: the outcome (when the
/// event has a message id; the first decision for an id wins, a redelivery changes nothing), the rejections feed (for a
/// rejection), the region's signs of life, the publish→applied lag sample, the code index, and a snapshot's seen-set.
/// </summary>
public sealed record LedgerEntry
{
    public required EventState State { get; init; }
    public required DateTimeOffset DecidedAt { get; init; }
    public string? MessageId { get; init; }
    public long? Sequence { get; init; }
    public string? Reason { get; init; }
    public string? Detail { get; init; }
    public IReadOnlyList<string> Fields { get; init; } = [];

    /// <summary>An accepted event of the region: refreshes its last-event time.</summary>
    public bool Alive { get; init; }

    /// <summary>A heartbeat: applied only if Sequence beats the region's last heartbeat sequence.</summary>
    public bool Heartbeat { get; init; }

    /// <summary>When the region published it; an applied event with one adds a lag sample (unless a pending record knows better).</summary>
    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>A lag sample's unique tag (the message id, or a fresh one).</summary>
    public string? LagTag { get; init; }

    /// <summary>The code the event is about, when known.</summary>
    public string? Code { get; init; }
    public CodeIndexChange Index { get; init; }
    /// <summary>For <see cref="CodeIndexChange.Add"/>: when the status entry expires.</summary>
    public DateTimeOffset? CodeExpiresAt { get; init; }

    public SnapshotLine? Snapshot { get; init; }
}
