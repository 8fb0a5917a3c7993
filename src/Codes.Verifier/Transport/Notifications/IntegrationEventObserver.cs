using HealthCode.Translator.Canonical;
using HealthCode.Translator.Normalization;
using HealthCode.Verifier.Ingestion;
using MassTransit;

namespace HealthCode.Verifier.Transport.Notifications;

/// <summary>
/// Publishes <see cref="StatusApplied"/> / <see cref="StatusEventRejected"/> over MassTransit. Best effort, after the
/// event was acked: a lost notification never loses a status (subscribers can always read the store).
/// ConsumeResult does not carry the applied entry, so the (pure, microsecond) normalization is repeated here.
/// </summary>
public sealed class IntegrationEventObserver(IBus bus, INormalizer normalizer, TimeProvider time) : IStatusEventObserver
{
    public async Task OnConsumedAsync(InboundStatusEvent e, ConsumeResult result, CancellationToken cancellationToken = default)
    {
        switch (result.Status)
        {
            case ConsumeStatus.Applied when Applied(e) is { } applied:
                await bus.Publish(applied, cancellationToken);
                break;
            case ConsumeStatus.Rejected:
                await bus.Publish(new StatusEventRejected(e.RoutingRegion, result.ReasonCode ?? "", e.MessageId), cancellationToken);
                break;
        }
    }

    private StatusApplied? Applied(InboundStatusEvent e)
    {
        if (!long.TryParse(e.Sequence, out var sequence)) return null;
        if (e.Kind == StatusEventConsumer.KindRevoke)
        {
            var read = normalizer.ReadCodeValue(e.RoutingRegion, e.Body.Span, e.ContentType);
            return read.Code is null ? null
                : new StatusApplied(e.RoutingRegion, read.Code, sequence, RiskLevel.Unknown.ToWire(), e.Timestamp ?? time.GetUtcNow(), StatusEventConsumer.KindRevoke);
        }
        var normalized = normalizer.Normalize(e.RoutingRegion, e.Body.Span, e.ContentType, new NormalizationContext(time.GetUtcNow(), e.Timestamp));
        if (normalized.Record is not { } record) return null;
        return new StatusApplied(record.Issuer, record.Code.Value, sequence, record.Code.Level.ToWire(), record.Code.StatusAt, StatusEventConsumer.KindStatus);
    }
}
