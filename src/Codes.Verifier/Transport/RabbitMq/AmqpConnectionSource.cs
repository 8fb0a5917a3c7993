using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace HealthCode.Verifier.Transport.RabbitMq;

/// <summary>
/// One lazily opened connection with automatic recovery. The first connect is retried with a capped backoff for as
/// long as the caller waits (the broker being down at start-up must never crash the process); after that the
/// client's own recovery reconnects and re-declares channels, queues and consumers.
/// </summary>
public sealed partial class AmqpConnectionSource(RabbitMqTransportOptions options, string clientName, ILogger logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IConnection? _connection;

    public bool IsOpen => _connection?.IsOpen ?? false;

    public ConnectionFactory CreateFactory() => new()
    {
        Uri = new Uri(options.ConnectionString),
        ClientProvidedName = clientName,
        AutomaticRecoveryEnabled = true,
        TopologyRecoveryEnabled = true,
        NetworkRecoveryInterval = TimeSpan.FromSeconds(2),
        RequestedHeartbeat = TimeSpan.FromSeconds(30),
        RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
    };

    /// <param name="retryUntilCancelled">false: one attempt (a publish should fail fast rather than wait out an outage).</param>
    public async Task<IConnection> GetAsync(bool retryUntilCancelled, CancellationToken ct)
    {
        if (_connection is { } existing) return existing;
        await _gate.WaitAsync(ct);
        try
        {
            if (_connection is { } raced) return raced;
            var factory = CreateFactory();
            var delay = TimeSpan.FromMilliseconds(250);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    _connection = await factory.CreateConnectionAsync(ct);
                    return _connection;
                }
                catch (BrokerUnreachableException e) when (retryUntilCancelled && !ct.IsCancellationRequested)
                {
                    LogUnreachable(clientName, attempt, delay.TotalMilliseconds, e.InnerException?.Message ?? e.Message);
                    await Task.Delay(delay, ct);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.ConnectRetryMaxDelay.Ticks));
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is { } c)
        {
            try { await c.CloseAsync(TimeSpan.FromSeconds(2)); } catch (Exception) { /* closing on shutdown: nothing to do */ }
            c.Dispose();
        }
        _gate.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "RabbitMQ unreachable for {Client} (attempt {Attempt}); retrying in {DelayMs} ms: {Reason}")]
    private partial void LogUnreachable(string client, int attempt, double delayMs, string reason);
}
