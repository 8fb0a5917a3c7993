using System.Globalization;
using HealthCode.Verifier.Ingestion;
using HealthCode.Verifier.Store;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;

namespace HealthCode.Verifier.Transport.RabbitMq;

/// <summary>
/// Decides the fate of one delivery; the caller acks only when this returns Ack, which is only after the Redis write
/// (or after the broker confirmed the error-queue copy). Rules:
/// <list type="bullet">
/// <item>Applied / Superseded → ack.</item>
/// <item>Rejected → copy (original body and headers + hc-error-*) to the error queue with a confirm, then ack.</item>
/// <item>Store unavailable → bounded in-memory retries, then requeue. An outage never dead-letters an event: it is
///   not the event's fault, and the CAS makes every retry safe. The event comes back when Redis is back.</item>
/// <item>Anything else → bounded retries, then the error queue as consumer-fault (a bug must not block the queue).</item>
/// </list>
/// </summary>
public sealed partial class StatusDeliveryHandler(
    StatusEventConsumer consumer,
    ConfirmedPublisher errorPublisher,
    RabbitMqTransportOptions options,
    TransportMetrics metrics,
    TimeProvider time,
    ILogger<StatusDeliveryHandler> logger)
{
    public async Task<DeliveryOutcome> HandleAsync(InboundStatusEvent e, string routingKey, IReadOnlyBasicProperties properties,
        CancellationToken ct)
    {
        var result = await ConsumeWithRetriesAsync(e, ct);
        if (result is null) return new DeliveryOutcome(Ack: false, Result: null);
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

    /// <returns>null when the store stayed unavailable (the delivery must be requeued).</returns>
    private async Task<ConsumeResult?> ConsumeWithRetriesAsync(InboundStatusEvent e, CancellationToken ct)
    {
        var storeDelay = options.StoreRetryFirstDelay;
        int storeAttempts = 0, faultAttempts = 0;
        while (true)
        {
            try
            {
                return await consumer.ConsumeAsync(e, ct);
            }
            catch (StoreUnavailableException ex)
            {
                if (++storeAttempts >= options.StoreAttempts)
                {
                    LogStoreGaveUp(e.RoutingRegion, e.MessageId, storeAttempts, ex.Message);
                    return null;
                }
                await Task.Delay(storeDelay, time, ct);
                storeDelay = TimeSpan.FromTicks(Math.Min(storeDelay.Ticks * 2, options.StoreRetryMaxDelay.Ticks));
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                if (++faultAttempts >= options.FaultAttempts)
                {
                    LogFault(ex, e.RoutingRegion, e.MessageId, faultAttempts);
                    // The type only: an exception message may quote the payload.
                    return ConsumeResult.Rejected(StatusHeaders.ConsumerFault, $"Consuming threw {ex.GetType().Name} {faultAttempts} times.");
                }
                await Task.Delay(options.StoreRetryFirstDelay * faultAttempts, time, ct);
            }
        }
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

    // No stack trace: during an outage this fires for every delivery, every requeue cycle.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Status store unavailable for event {MessageId} of region {Region} after {Attempts} attempts; requeueing it ({Cause})")]
    private partial void LogStoreGaveUp(string region, string? messageId, int attempts, string cause);

    [LoggerMessage(Level = LogLevel.Error, Message = "Consuming status event {MessageId} of region {Region} failed {Attempts} times; moving it to the error queue")]
    private partial void LogFault(Exception e, string region, string? messageId, int attempts);
}
