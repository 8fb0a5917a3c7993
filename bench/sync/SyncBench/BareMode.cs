using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using StackExchange.Redis;

namespace HealthCode.Bench.Sync;

/// <summary>
/// The baseline: the same native events in a quorum queue of its own on the same broker, drained by a plain
/// RabbitMQ.Client consumer with the service's prefetch and dispatch concurrency that does one Redis SET per message
/// (the body under a key of its own) and then acks it, one by one.
/// </summary>
internal static class BareMode
{
    public const string Queue = "hc.syncbench.bare";

    public static async Task<int> RunAsync(BenchArgs args)
    {
        var amqp = args.Text("amqp", "amqp://guest:guest@127.0.0.1:5693/");
        var count = (uint)args.Int("count", 20000);
        var prefetch = (ushort)args.Int("prefetch", 128);
        var concurrency = (ushort)args.Int("concurrency", 64);
        var run = NativeEvents.NewRun();
        await using var redis = await ConnectionMultiplexer.ConnectAsync(args.Text("redis", "127.0.0.1:6393"));
        var db = redis.GetDatabase();

        var factory = new ConnectionFactory { Uri = new Uri(amqp), ClientProvidedName = "hc-syncbench-bare", AutomaticRecoveryEnabled = false };
        await using var connection = await factory.CreateConnectionAsync();
        await using (var setup = await connection.CreateChannelAsync())
        {
            await setup.QueueDeclareAsync(Queue, durable: true, exclusive: false, autoDelete: false,
                new Dictionary<string, object?> { ["x-queue-type"] = "quorum" });
            await setup.QueuePurgeAsync(Queue);
        }

        await using (var publisher = await ConfirmedPublisher.OpenAsync(amqp, "hc-syncbench-publish"))
        {
            var statusAt = DateTimeOffset.UtcNow;
            for (var i = 0; i < count; i++) await publisher.SendAsync("", Queue, NativeEvents.Properties(1), NativeEvents.Body(run, i, statusAt));
            await publisher.DrainAsync();
        }
        await using var depth = await QueueDepth.OpenAsync(amqp, Queue);
        await depth.WaitForAtLeastAsync(count, TimeSpan.FromSeconds(60));

        long acked = 0;
        var channel = await connection.CreateChannelAsync(new CreateChannelOptions(false, false, consumerDispatchConcurrency: concurrency));
        await channel.BasicQosAsync(0, prefetch, global: false);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            await db.StringSetAsync("syncbench:" + run + ":" + delivery.BasicProperties.MessageId, delivery.Body.ToArray());
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
            Interlocked.Increment(ref acked);
        };
        var watch = depth.WatchAsync(count, TimeSpan.FromMilliseconds(20), _ => Task.FromResult(Interlocked.Read(ref acked) >= count),
            TimeSpan.FromSeconds(args.Int("deadline", 300)), () => ProcessCpu.Seconds(Environment.ProcessId));
        await channel.BasicConsumeAsync(Queue, autoAck: false, consumer);
        var timeline = await watch;
        await channel.CloseAsync();
        await using (var teardown = await connection.CreateChannelAsync()) await teardown.QueueDeleteAsync(Queue);

        Report.Drain("bare", timeline, prefetch, concurrency);
        return 0;
    }

}
