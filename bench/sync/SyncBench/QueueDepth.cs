using System.Diagnostics;
using RabbitMQ.Client;

namespace HealthCode.Bench.Sync;

/// <summary>
/// Polls a queue's ready count (passive declare, one small AMQP round trip) and keeps the samples, so the service and
/// the bare consumer are timed the same way: consumed(t) = published − ready(t), give or take the prefetched deliveries.
/// </summary>
internal sealed class QueueDepth : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly string _queue;

    private QueueDepth(IConnection connection, IChannel channel, string queue)
    {
        _connection = connection;
        _channel = channel;
        _queue = queue;
    }

    public static async Task<QueueDepth> OpenAsync(string uri, string queue)
    {
        var factory = new ConnectionFactory { Uri = new Uri(uri), ClientProvidedName = "hc-syncbench-depth", AutomaticRecoveryEnabled = false };
        var connection = await factory.CreateConnectionAsync();
        return new QueueDepth(connection, await connection.CreateChannelAsync(), queue);
    }

    public Task<uint> PurgeAsync() => _channel.QueuePurgeAsync(_queue);

    public async Task<uint> ReadyAsync() => (await _channel.QueueDeclarePassiveAsync(_queue)).MessageCount;

    /// <summary>Waits until the queue holds at least <paramref name="count"/> ready messages (the pre-publish landed).</summary>
    public async Task WaitForAtLeastAsync(uint count, TimeSpan deadline)
    {
        var clock = Stopwatch.StartNew();
        while (await ReadyAsync() < count)
        {
            if (clock.Elapsed > deadline) throw new TimeoutException($"queue {_queue} did not reach {count} messages within {deadline}");
            await Task.Delay(50);
        }
    }

    /// <summary>
    /// Samples every <paramref name="interval"/> from the moment consumption begins (ready drops below
    /// <paramref name="published"/>) until <paramref name="done"/> says the drain is complete; <paramref name="cpu"/> reads
    /// the consumer's CPU seconds (null: unknown).
    /// </summary>
    public async Task<DrainTimeline> WatchAsync(uint published, TimeSpan interval, Func<uint, Task<bool>> done, TimeSpan deadline, Func<double?> cpu)
    {
        var clock = Stopwatch.StartNew();
        var samples = new List<(double Seconds, uint Consumed)>();
        double? startedAt = null;
        double? cpuAtStart = null;
        while (true)
        {
            if (clock.Elapsed > deadline) throw new TimeoutException($"queue {_queue} did not drain within {deadline} ({samples.LastOrDefault().Consumed} of {published} consumed)");
            var ready = await ReadyAsync();
            var now = clock.Elapsed.TotalSeconds;
            var consumed = published - Math.Min(ready, published);
            if (startedAt is null && consumed > 0)
            {
                startedAt = now;
                cpuAtStart = cpu();
            }
            if (startedAt is not null)
            {
                samples.Add((now - startedAt.Value, consumed));
                if (ready == 0 && await done(ready)) return new DrainTimeline(published, clock.Elapsed.TotalSeconds - startedAt.Value, samples, cpu() - cpuAtStart);
            }
            await Task.Delay(interval);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
