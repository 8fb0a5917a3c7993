using HealthCode.Translator.Profiles;
using HealthCode.Verifier.Ingestion;
using Microsoft.Extensions.Options;

namespace HealthCode.Verifier.Regional;

/// <summary>
/// The second half of the one ingestion path (<see cref="IngestionPipeline"/>): once the consumer decided an event,
/// whichever way it came (AMQP, HTTP through the broker, a snapshot line), this writes what the region may later ask
/// about into the <see cref="IRegionalLedger"/>: outcome, rejection, signs of life, lag, code index. A heartbeat's
/// state is decided here (only a higher heartbeat sequence is news). Regions without a profile have no ledger: no one
/// can ask about them.
/// </summary>
public sealed class OutcomeRecorder(IRegionalLedger ledger, IRegionCatalog regions, IOptions<IngestionOptions> ingestion, TimeProvider time)
{
    private readonly TimeSpan _retention = ingestion.Value.Retention;

    public async Task<ConsumeResult> RecordAsync(InboundStatusEvent e, ConsumeResult result, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(result);
        if (regions.Find(e.RoutingRegion) is not { } profile) return result;
        var now = time.GetUtcNow();
        var heartbeat = result is { Status: ConsumeStatus.Applied, Entry: null } && EventKinds.TryParse(e.Kind, out var kind) && kind == EventKind.Heartbeat;
        var entry = result.Entry;
        var fromBroker = e.Snapshot is null;
        var messageId = fromBroker && !string.IsNullOrEmpty(e.MessageId) ? e.MessageId : null;
        var state = await ledger.RecordAsync(profile.Id, new LedgerEntry
        {
            State = EventStates.Of(result.Status),
            DecidedAt = now,
            MessageId = messageId,
            Sequence = EventSequence.TryParse(e.Sequence, out var sequence) ? sequence.Value : null,
            Reason = result.ReasonCode,
            Detail = result.Detail,
            Fields = result.Fields,
            Alive = entry is not null && result.Status != ConsumeStatus.Rejected,
            Heartbeat = heartbeat,
            // Snapshot lines were never published as events: their "lag" would measure the upload, not the feed.
            PublishedAt = fromBroker ? e.Timestamp : null,
            LagTag = fromBroker ? messageId ?? Guid.NewGuid().ToString("N") : null,
            Code = entry?.Code,
            Index = entry is null ? CodeIndexChange.None : entry.Revoked ? CodeIndexChange.Remove : CodeIndexChange.Add,
            CodeExpiresAt = entry is { Revoked: false } ? now + EntryLifetime.TimeToLive(entry, profile, _retention, now) : null,
            Snapshot = e.Snapshot,
        }, ct);
        return heartbeat ? new ConsumeResult(state.ToStatus()) : result;
    }

    /// <summary>A snapshot line that is not a readable line at all: counted, and in the feed with its line number.</summary>
    public Task RecordMalformedLineAsync(string region, SnapshotLine line, string detail, IReadOnlyList<string> fields, CancellationToken ct) =>
        ledger.RecordAsync(region, new LedgerEntry
        {
            State = EventState.Rejected,
            DecidedAt = time.GetUtcNow(),
            Reason = IngestionReasonCodes.MalformedLine,
            Detail = detail,
            Fields = fields,
            Snapshot = line,
        }, ct);

    /// <summary>A code a snapshot's prune revoked: it leaves the region's code index.</summary>
    public Task RecordRevocationAsync(RegionProfile region, string code, CancellationToken ct) =>
        ledger.RecordAsync(region.Id, new LedgerEntry
        {
            State = EventState.Applied,
            DecidedAt = time.GetUtcNow(),
            Code = code,
            Index = CodeIndexChange.Remove,
        }, ct);
}
