using HealthCode.Verifier.Ingestion;
using MassTransit;

namespace HealthCode.Verifier.Transport.Notifications;

/// <summary>
/// Publishes <see cref="StatusApplied"/> / <see cref="StatusEventRejected"/> over MassTransit. Best effort, after the
/// event was acked: a lost notification never loses a status (subscribers can always read the store).
/// </summary>
public sealed class IntegrationEventObserver(IBus bus) : IStatusEventObserver
{
    public async Task OnConsumedAsync(InboundStatusEvent e, ConsumeResult result, CancellationToken cancellationToken = default)
    {
        switch (result)
        {
            case { Status: ConsumeStatus.Applied, Entry: { } entry }:
                var kind = entry.Revoked ? EventKind.Revoke : EventKind.Status;
                await bus.Publish(new StatusApplied(entry.Issuer, entry.Code, entry.Sequence, entry.Level, entry.StatusAt, kind), cancellationToken);
                break;
            case { Status: ConsumeStatus.Rejected }:
                await bus.Publish(new StatusEventRejected(e.RoutingRegion, result.ReasonCode ?? "", e.MessageId), cancellationToken);
                break;
        }
    }
}
