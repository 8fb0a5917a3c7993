using System.Text.RegularExpressions;
using HealthCode.Translator.Profiles;
using HealthCode.Verifier.Ingestion;
using HealthCode.Verifier.Regional;
using HealthCode.Verifier.Regional.Snapshots;
using HealthCode.Verifier.Store;
using RabbitMQ.Client;

namespace HealthCode.Verifier.Transport.RabbitMq;

/// <summary>
/// A snapshot over AMQP (docs/regional-systems.md): one message with hc-kind "snapshot", hc-region, the snapshot id in
/// hc-snapshot-id (or else message_id), optional hc-prune "revoke", and the NDJSON lines as the body. It starts the same
/// run an HTTP snapshot does. A redelivery of a known id starts nothing; a snapshot for a region whose previous one runs
/// is refused (snapshot-running) to the error queue and the rejections feed, like any refused event.
/// </summary>
public sealed partial class AmqpSnapshotIntake(SnapshotCoordinator coordinator, OutcomeRecorder recorder, IRegionCatalog regions)
{
    public const string Kind = "snapshot";
    public const string SnapshotIdHeader = "hc-snapshot-id";
    public const string PruneHeader = "hc-prune";

    public static bool IsSnapshot(InboundStatusEvent e) => string.Equals(e?.Kind, Kind, StringComparison.Ordinal);

    public async Task<IngestionOutcome> ConsumeAsync(InboundStatusEvent e, IReadOnlyBasicProperties properties, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(properties);
        try
        {
            var result = await StartAsync(e, properties, ct);
            if (result.Status == ConsumeStatus.Rejected) result = await recorder.RecordAsync(e, result, ct);
            return IngestionOutcome.Settled(result);
        }
        catch (StoreUnavailableException)
        {
            // Never the message's fault: back to the queue, as for an event.
            return IngestionOutcome.StoreStayedUnavailable(1);
        }
    }

    private async Task<ConsumeResult> StartAsync(InboundStatusEvent e, IReadOnlyBasicProperties properties, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(e.HeaderRegion) || e.HeaderRegion != e.RoutingRegion)
            return ConsumeResult.Rejected(IngestionReasonCodes.RegionMismatch, "hc-region is missing or differs from the routing region.");
        if (regions.Find(e.RoutingRegion) is not { } region)
            return ConsumeResult.Rejected(IngestionReasonCodes.UnknownRegion, $"No profile for region '{e.RoutingRegion}'.");
        var id = AmqpHeaderValues.GetString(properties.Headers, SnapshotIdHeader) ?? e.MessageId;
        if (id is null || !SnapshotIdPattern().IsMatch(id))
            return ConsumeResult.Rejected(IngestionReasonCodes.BadSnapshot, $"{SnapshotIdHeader} (or message_id) must be 1-64 of A-Z a-z 0-9 . _ -.");
        var prune = AmqpHeaderValues.GetString(properties.Headers, PruneHeader);
        if (prune is not (null or "" or "revoke"))
            return ConsumeResult.Rejected(IngestionReasonCodes.BadSnapshot, $"{PruneHeader} must be absent or 'revoke'.");

        using var body = new MemoryStream(e.Body.ToArray(), writable: false);
        var start = await coordinator.StartAsync(region, body, body.Length, prune == "revoke", id, ct);
        return start.Result switch
        {
            SnapshotStartResult.Started or SnapshotStartResult.Exists => new ConsumeResult(ConsumeStatus.Applied),
            SnapshotStartResult.Busy => ConsumeResult.Rejected(IngestionReasonCodes.SnapshotRunning,
                $"A snapshot of region {region.Id} is still running; publish this one again once it is done."),
            _ => ConsumeResult.Rejected(IngestionReasonCodes.BadSnapshot, "The snapshot body is over the snapshot size limit."),
        };
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    public static partial Regex SnapshotIdPattern();
}
