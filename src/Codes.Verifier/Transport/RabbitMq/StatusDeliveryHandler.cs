using System.Globalization;
using HealthCode.Verifier.Ingestion;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;

namespace HealthCode.Verifier.Transport.RabbitMq;

/// <summary>
/// The RabbitMQ side of one delivery, after <see cref="IngestionPipeline"/> consumed it; the caller acks only when this
/// returns Ack, which is only after the store write (or after the broker confirmed the error-queue copy). A snapshot
/// message (hc-kind snapshot) goes to <see cref="AmqpSnapshotIntake"/> instead, and its refusal is handled the same way:
/// <list type="bullet">
/// <item>Applied / Superseded → ack.</item>
/// <item>Rejected (including consumer-fault) → copy (original body and headers + hc-error-*) to the error queue with a
///   confirm, then ack.</item>
/// <item>Handed back (the store stayed unavailable) → requeue. An outage never dead-letters an event.</item>
/// </list>
/// </summary>
public sealed partial class StatusDeliveryHandler(
    IngestionPipeline pipeline,
    AmqpSnapshotIntake snapshots,
    ConfirmedPublisher errorPublisher,
    RabbitMqTransportOptions options,
    TransportMetrics metrics,
    TimeProvider time,
    ILogger<StatusDeliveryHandler> logger)
{
    public async Task<DeliveryOutcome> HandleAsync(InboundStatusEvent e, string routingKey, IReadOnlyBasicProperties properties,
        CancellationToken ct)
    {
        var outcome = AmqpSnapshotIntake.IsSnapshot(e) ? await snapshots.ConsumeAsync(e, properties, ct) : await pipeline.ConsumeAsync(e, ct);
        if (outcome.HandBack) return new DeliveryOutcome(Ack: false, Result: null);
        var result = outcome.Result;
        if (result.Status != ConsumeStatus.Rejected) return new DeliveryOutcome(Ack: true, result);

        LogRejected(e.RoutingRegion, e.MessageId, result.ReasonCode, result.Detail);
        try
        {
            await errorPublisher.PublishAsync("", options.ErrorQueue, ErrorCopy(properties, routingKey, result), e.Body,
                waitForConnection: false, ct);
        }
        catch (BrokerPublishException ex)
        {
            // Never ack what is not safely stored somewhere: the broker redelivers it and we try again.
            LogErrorQueueFailed(ex, e.RoutingRegion, e.MessageId);
            return new DeliveryOutcome(Ack: false, Result: null);
        }
        metrics.RecordErrorQueued(result.ReasonCode ?? "");
        return new DeliveryOutcome(Ack: true, result, ErrorQueued: true);
    }

    private BasicProperties ErrorCopy(IReadOnlyBasicProperties original, string routingKey, ConsumeResult result)
    {
        var copy = new BasicProperties(original) { Persistent = true };
        var headers = original.Headers is null
            ? new Dictionary<string, object?>(StringComparer.Ordinal)
            : new Dictionary<string, object?>(original.Headers, StringComparer.Ordinal);
        headers.Remove(StatusHeaders.ClientSequenceNumber);
        headers[StatusHeaders.ErrorReason] = result.ReasonCode ?? "";
        headers[StatusHeaders.ErrorDetail] = result.Detail ?? "";
        headers[StatusHeaders.ErrorAt] = time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        headers[StatusHeaders.ErrorRoutingKey] = routingKey;
        copy.Headers = headers;
        return copy;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Status event {MessageId} for region {Region} rejected: {Reason} ({Detail}); moving it to the error queue")]
    private partial void LogRejected(string region, string? messageId, string? reason, string? detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "Status event {MessageId} for region {Region} could not be copied to the error queue; it will be redelivered")]
    private partial void LogErrorQueueFailed(Exception e, string region, string? messageId);
}
