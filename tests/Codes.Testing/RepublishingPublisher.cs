using RabbitMQ.Client;

namespace HealthCode.Testing;

/// <summary>
/// A regional system that "must never lose an update", written with plain RabbitMQ.Client: persistent messages,
/// publisher confirms, and every publish retried — on a fresh connection after a connection failure — until the
/// broker confirms it. An event counts as confirmed only once its confirm arrived; anything unconfirmed when the
/// connection broke is published again (a duplicate is harmless: the store keeps the highest sequence).
/// <paramref name="endpoints"/> are the broker's nodes (one, or a cluster's); <paramref name="credentials"/> sets
/// user, password and virtual host on a factory (callers read both from a connection string: AmqpAddress.TcpEndpoints
/// and AmqpAddress.ApplyTo).
/// Each connection tries the nodes in turn starting at <paramref name="firstHost"/>, so publishers can be spread over
/// a cluster and a node that stops sends its publishers to the next.
/// </summary>
public sealed class RepublishingPublisher(Func<ConnectionFactory, ConnectionFactory> credentials, IReadOnlyList<AmqpTcpEndpoint> endpoints,
    string exchange, int firstHost = 0, string name = "hc-test-regional-system") : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IConnection? _connection;
    private IChannel? _channel;
    private int _sent, _confirmed, _republished, _reconnects;

    public int Sent => _sent;
    public int Confirmed => _confirmed;
    public int Republished => _republished;
    public int Reconnects => _reconnects;

    /// <summary>Port of the host the current connection reached (0 while none is open).</summary>
    public int ConnectedPort => _connection is { IsOpen: true } c ? c.Endpoint.Port : 0;

    /// <summary>Returns once the broker confirmed the event; retries through outages until <paramref name="deadline"/>.</summary>
    public async Task PublishAsync(string region, byte[] body, long sequence, TimeSpan deadline, CancellationToken ct = default) =>
        await PublishAsync(region, body, sequence, kind: null, deadline, ct);

    /// <summary>As above, with an hc-kind header (e.g. "revoke") unless <paramref name="kind"/> is null.</summary>
    public async Task PublishAsync(string region, byte[] body, long sequence, string? kind, TimeSpan deadline, CancellationToken ct = default)
    {
        var until = DateTime.UtcNow + deadline;
        var messageId = Guid.NewGuid().ToString("N");
        for (var attempt = 0; ; attempt++)
        {
            ct.ThrowIfCancellationRequested();
            IChannel? channel = null;
            try
            {
                channel = await ChannelAsync(ct);
                var properties = RegionalPublisher.Properties(region, sequence, "application/json", messageId, kind: kind);
                Interlocked.Increment(ref _sent);
                if (attempt > 0) Interlocked.Increment(ref _republished);
                // Tracking is on: this completes when the broker confirms, and throws on a nack, a return or a closed channel.
                using var confirmTimeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                confirmTimeout.CancelAfter(TimeSpan.FromSeconds(10));
                await channel.BasicPublishAsync(exchange, region, mandatory: true, properties, body, confirmTimeout.Token);
                Interlocked.Increment(ref _confirmed);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                if (DateTime.UtcNow > until)
                    throw new TimeoutException($"event {region}/{sequence} not confirmed within {deadline.TotalSeconds} s: {e.Message}", e);
                await DropAsync(channel);
                await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
            }
        }
    }

    private async Task<IChannel> ChannelAsync(CancellationToken ct)
    {
        if (_channel is { IsOpen: true } open) return open;
        await _gate.WaitAsync(ct);
        try
        {
            if (_channel is { IsOpen: true } raced) return raced;
            await DisposeConnectionAsync();
            var factory = credentials(new ConnectionFactory
            {
                AutomaticRecoveryEnabled = false,
                RequestedConnectionTimeout = TimeSpan.FromSeconds(2),
            });
            var hosts = Enumerable.Range(0, endpoints.Count).Select(i => endpoints[(firstHost + i) % endpoints.Count]).ToArray();
            _connection = await factory.CreateConnectionAsync(new OrderedEndpoints(hosts), name, ct);
            _channel = await _connection.CreateChannelAsync(new CreateChannelOptions(
                publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
            Interlocked.Increment(ref _reconnects);
            return _channel;
        }
        finally
        {
            _gate.Release();
        }
    }

    // Only the channel the failed publish used: another publish may already have opened a fresh one.
    private async Task DropAsync(IChannel? failed)
    {
        await _gate.WaitAsync();
        try
        {
            if (failed is not null && ReferenceEquals(failed, _channel)) await DisposeConnectionAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task DisposeConnectionAsync()
    {
        var channel = _channel;
        var connection = _connection;
        _channel = null;
        _connection = null;
        try { if (channel is not null) await channel.DisposeAsync(); } catch (Exception) { /* broken already */ }
        try { if (connection is not null) await connection.DisposeAsync(); } catch (Exception) { /* broken already */ }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try { await DisposeConnectionAsync(); }
        finally { _gate.Release(); }
    }
}
