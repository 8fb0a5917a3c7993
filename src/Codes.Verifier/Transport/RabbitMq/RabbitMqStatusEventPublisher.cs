using HealthCode.Verifier.Ingestion;

namespace HealthCode.Verifier.Transport.RabbitMq;

/// <summary>
/// Real-mode <see cref="IStatusEventPublisher"/>: puts an HTTP-received event on hc.status exactly as a regional system
/// would (raw body, routing key = region, persistent, contract headers), so it reaches the store through the same
/// consumer. Returns only after the broker confirmed it; throws <see cref="BrokerPublishException"/> otherwise (→ 503).
/// Mandatory: with no queue bound the event would be confirmed and silently dropped, so a return is a failure.
/// The headers carry the W3C trace context (<see cref="AmqpTraceContext"/>).
/// </summary>
public sealed class RabbitMqStatusEventPublisher(ConfirmedPublisher publisher, RabbitMqTransportOptions options, TimeProvider time)
    : IStatusEventPublisher
{
    public async Task PublishAsync(InboundStatusEvent statusEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statusEvent);
        var properties = StatusMessageMapper.ToProperties(statusEvent, time.GetUtcNow());
        using var activity = AmqpTraceContext.StartPublish(properties.Headers!, options.Exchange, statusEvent.RoutingRegion);
        // One attempt to connect: an HTTP caller should get 503 now, not wait out a broker outage.
        await publisher.PublishAsync(options.Exchange, statusEvent.RoutingRegion, properties, statusEvent.Body,
            waitForConnection: false, cancellationToken);
    }
}
