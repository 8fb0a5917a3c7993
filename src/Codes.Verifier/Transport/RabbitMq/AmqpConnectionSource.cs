using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace HealthCode.Verifier.Transport.RabbitMq;

/// <summary>
/// One lazily opened connection with automatic recovery. The first connect is retried with a capped backoff for as
/// long as the caller waits (the broker being down at start-up must never crash the process); after that the
/// client's own recovery reconnects and re-declares channels, queues and consumers. With several nodes in the
/// address, the client picks one at random and recovery tries every node again (in a new random order) until one
/// answers, so a dead node is left for a live one.
/// </summary>
public sealed partial class AmqpConnectionSource(RabbitMqTransportOptions options, AmqpAddress address, string clientName, ILogger logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IConnection? _connection;

    public bool IsOpen => _connection?.IsOpen ?? false;

    /// <summary>The node the connection is on now (it changes when recovery moves to another one); null before the first connect.</summary>
    public AmqpTcpEndpoint? Endpoint => _connection?.Endpoint;

    public ConnectionFactory CreateFactory() => address.ApplyTo(new ConnectionFactory
    {
        ClientProvidedName = clientName,
        AutomaticRecoveryEnabled = true,
        TopologyRecoveryEnabled = true,
        NetworkRecoveryInterval = TimeSpan.FromSeconds(2),
        RequestedHeartbeat = TimeSpan.FromSeconds(30),
        RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
    });

    /// <param name="retryUntilCancelled">false: one attempt (a publish should fail fast rather than wait out an outage).</param>
    public async Task<IConnection> GetAsync(bool retryUntilCancelled, CancellationToken ct)
    {
        if (_connection is { } existing) return existing;
        await _gate.WaitAsync(ct);
        try
        {
            if (_connection is { } raced) return raced;
            var factory = CreateFactory();
            var endpoints = address.TcpEndpoints();
            var delay = TimeSpan.FromMilliseconds(250);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var connection = await factory.CreateConnectionAsync(endpoints, ct);
                    // Which node, when there is a choice: what an operator needs to read a node failure from the log.
                    if (address.IsCluster) LogConnected(clientName, Describe(connection.Endpoint));
                    connection.ConnectionShutdownAsync += (_, e) =>
                    {
                        if (e.Initiator != ShutdownInitiator.Application) LogLost(clientName, Describe(connection.Endpoint), e.ReplyText);
                        return Task.CompletedTask;
                    };
                    connection.RecoverySucceededAsync += (_, _) =>
                    {
                        LogRecovered(clientName, Describe(connection.Endpoint));
                        return Task.CompletedTask;
                    };
                    _connection = connection;
                    return connection;
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

    private static string Describe(AmqpTcpEndpoint endpoint) => $"{endpoint.HostName}:{endpoint.Port}";

    public async ValueTask DisposeAsync()
    {
        if (_connection is { } c)
        {
            try { await c.CloseAsync(TimeSpan.FromSeconds(2)); } catch (Exception) { /* closing on shutdown: nothing to do */ }
            c.Dispose();
        }
        _gate.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "RabbitMQ connection {Client} is on node {Endpoint}")]
    private partial void LogConnected(string client, string endpoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "RabbitMQ connection {Client} to node {Endpoint} lost ({Reason}); recovering")]
    private partial void LogLost(string client, string endpoint, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "RabbitMQ connection {Client} recovered onto node {Endpoint}")]
    private partial void LogRecovered(string client, string endpoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "RabbitMQ unreachable for {Client} (attempt {Attempt}); retrying in {DelayMs} ms: {Reason}")]
    private partial void LogUnreachable(string client, int attempt, double delayMs, string reason);
}
