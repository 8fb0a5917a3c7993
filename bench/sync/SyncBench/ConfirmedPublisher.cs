using RabbitMQ.Client;

namespace HealthCode.Bench.Sync;

/// <summary>
/// One confirming channel with at most <c>window</c> publishes awaiting their confirm, as a regional system that
/// pipelines its confirms would run. <see cref="DrainAsync"/> waits for every confirm; a nack or return fails the run.
/// </summary>
internal sealed class ConfirmedPublisher : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly SemaphoreSlim _window;
    private readonly List<Task> _pending = [];
    private readonly Lock _gate = new();

    private ConfirmedPublisher(IConnection connection, IChannel channel, int window)
    {
        _connection = connection;
        _channel = channel;
        _window = new SemaphoreSlim(window);
    }

    public static async Task<ConfirmedPublisher> OpenAsync(string uri, string name, int window = 256)
    {
        var factory = new ConnectionFactory { Uri = new Uri(uri), ClientProvidedName = name, AutomaticRecoveryEnabled = false };
        var connection = await factory.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true));
        return new ConfirmedPublisher(connection, channel, window);
    }

    /// <summary>Waits for a window slot, then sends; the confirm is awaited in the background.</summary>
    public async Task SendAsync(string exchange, string routingKey, BasicProperties properties, byte[] body)
    {
        await _window.WaitAsync();
        var task = ConfirmAsync(exchange, routingKey, properties, body);
        lock (_gate) _pending.Add(task);
    }

    public async Task DrainAsync()
    {
        Task[] pending;
        lock (_gate)
        {
            pending = [.. _pending];
            _pending.Clear();
        }
        await Task.WhenAll(pending);
    }

    private async Task ConfirmAsync(string exchange, string routingKey, BasicProperties properties, byte[] body)
    {
        try
        {
            await _channel.BasicPublishAsync(exchange, routingKey, mandatory: true, properties, body);
        }
        finally
        {
            _window.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
        _window.Dispose();
    }
}
