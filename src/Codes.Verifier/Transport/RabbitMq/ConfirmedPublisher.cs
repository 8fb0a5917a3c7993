using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace HealthCode.Verifier.Transport.RabbitMq;

/// <summary>
/// Publishes on a channel with confirm tracking: BasicPublishAsync completes only once the broker confirmed, and
/// throws on a nack or (with mandatory) an unroutable return. One channel is shared by concurrent callers (the
/// client serialises frames); a channel closed by a channel-level error is replaced on the next publish.
/// </summary>
public sealed class ConfirmedPublisher(AmqpConnectionSource connection, TimeSpan timeout) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IChannel? _channel;

    public async Task PublishAsync(string exchange, string routingKey, BasicProperties properties, ReadOnlyMemory<byte> body,
        bool waitForConnection, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            var channel = await GetChannelAsync(waitForConnection, deadline.Token);
            await channel.BasicPublishAsync(exchange, routingKey, mandatory: true, properties, body, deadline.Token);
        }
        catch (PublishException e)
        {
            throw new BrokerPublishException(e.IsReturn
                ? $"The broker could not route the message (exchange '{exchange}', routing key '{routingKey}')."
                : "The broker refused the message (nack).", e);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new BrokerPublishException($"No broker confirm within {timeout.TotalSeconds:0.#} s.", e);
        }
        catch (Exception e) when (e is BrokerUnreachableException or AlreadyClosedException or OperationInterruptedException)
        {
            throw new BrokerPublishException("The broker is unavailable.", e);
        }
    }

    private async Task<IChannel> GetChannelAsync(bool waitForConnection, CancellationToken ct)
    {
        if (_channel is { IsOpen: true } open) return open;
        await _gate.WaitAsync(ct);
        try
        {
            if (_channel is { IsOpen: true } raced) return raced;
            var conn = await connection.GetAsync(waitForConnection, ct);
            if (_channel is not null) await _channel.DisposeAsync();
            _channel = await conn.CreateChannelAsync(
                new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
            return _channel;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_channel is not null) await _channel.DisposeAsync();
        _gate.Dispose();
    }
}
