using System.Threading.Channels;
using HealthCode.Verifier.Ingestion;

namespace HealthCode.Verifier.Transport.InProcess;

/// <summary>
/// The embedded bus: a bounded channel. "Durably accepted" here means queued in this process, which is all the
/// embedded mode promises (a restart loses queued events, as it loses the in-memory store they would update).
/// </summary>
public sealed class InProcessStatusEventQueue(InProcessTransportOptions options) : IStatusEventPublisher
{
    private readonly Channel<InboundStatusEvent> _channel = Channel.CreateBounded<InboundStatusEvent>(
        new BoundedChannelOptions(options.Capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    internal ChannelReader<InboundStatusEvent> Reader => _channel.Reader;

    public Task PublishAsync(InboundStatusEvent statusEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statusEvent);
        return _channel.Writer.WriteAsync(statusEvent, cancellationToken).AsTask();
    }

    internal void Complete() => _channel.Writer.TryComplete();
}
