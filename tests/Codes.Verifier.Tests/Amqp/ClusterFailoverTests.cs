using System.Globalization;
using System.Text;
using System.Text.Json;
using HealthCode.Translator.Canonical;
using HealthCode.Verifier.Store;
using HealthCode.Verifier.Tests.Support;
using HealthCode.Verifier.Transport.RabbitMq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;

namespace HealthCode.Verifier.Tests.Amqp;

/// <summary>
/// The service on a RabbitMQ cluster (<see cref="TestCluster"/>): connected through the multi-host address, it loses
/// the node its connection is on and carries on from another one. Regional systems publish with plain RabbitMQ.Client
/// through the same address. The store is the in-memory one (what is under test is the broker side), slowed down
/// while the node stops so that deliveries are in flight when it goes.
/// </summary>
[Category("Cluster")]
public sealed class ClusterFailoverTests
{
    private const string Region = "310000";
    private const int CodeCount = 120;
    private static readonly TimeSpan FailoverDeadline = TimeSpan.FromSeconds(90);
    // 120 applies over 8 concurrent handlers at 1 s each: about 15 s of work, longer than stopping a node takes.
    private static readonly TimeSpan SlowApply = TimeSpan.FromSeconds(1);
    private static readonly DateTimeOffset BaseTime = new(2022, 4, 24, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Ingestion_keeps_consuming_the_quorum_queue_after_the_node_its_connection_is_on_stops()
    {
        var cluster = TestCluster.FromEnvironment();
        var address = AmqpAddress.Parse(cluster.Address);
        Assert.That(address.IsCluster, $"{TestCluster.AddressVariable} lists one host; a failover needs the nodes of a cluster");
        var codes = Enumerable.Range(0, CodeCount).Select(i => "SH" + (710_000_000_000_000_000L + i).ToString("D18", CultureInfo.InvariantCulture)).ToArray();

        var store = new SlowStatusStore(new InMemoryStatusStore(TimeProvider.System));
        await using var host = await IngestionHost.StartAsync(broker: cluster.Address, store: store);
        var picked = host.Ingestion.Endpoint!;
        TestContext.Progress.WriteLine($"ingestion connected to {picked.HostName}:{picked.Port}");
        var stopped = false;
        try
        {
            // 1. Consuming on the node the client picked.
            await PublishAllAsync(host, cluster.Address, codes, sequence: 1, color: 0);
            foreach (var code in codes) await host.WaitForAsync(Region, code, e => e.Sequence == 1);

            // 2. A batch confirmed by the broker (so it is on the quorum queue's majority), then that node stops while
            // the consumer is working through it: whatever was delivered but not acked is redelivered.
            store.ApplyDelay = SlowApply;
            await PublishAllAsync(host, cluster.Address, codes, sequence: 2, color: 1);
            Assert.That(await Poll.Until(async () => await CountAsync(host, codes, sequence: 2) > 0, FailoverDeadline), Is.True, "the second batch is being consumed");
            var appliedBeforeStop = await CountAsync(host, codes, sequence: 2);
            await cluster.StopNodeAsync(picked.Port);
            stopped = true;
            TestContext.Progress.WriteLine($"{appliedBeforeStop} of {CodeCount} events of the second batch were applied when the node was told to stop");

            var moved = await Poll.Until(() => host.Ingestion.IsConsuming && host.Ingestion.Endpoint is { } now && now.Port != picked.Port,
                FailoverDeadline, TimeSpan.FromMilliseconds(200));
            Assert.That(moved, Is.True, $"the consumer did not come back on another node within {FailoverDeadline.TotalSeconds:0} s " +
                                        $"(now on {host.Ingestion.Endpoint?.HostName}:{host.Ingestion.Endpoint?.Port}, consuming: {host.Ingestion.IsConsuming})");
            TestContext.Progress.WriteLine($"ingestion recovered onto {host.Ingestion.Endpoint!.HostName}:{host.Ingestion.Endpoint.Port} " +
                                           $"with {await CountAsync(host, codes, sequence: 2)} of {CodeCount} applied");
            store.ApplyDelay = TimeSpan.Zero;
            foreach (var code in codes)
            {
                var entry = await host.WaitForAsync(Region, code, e => e.Sequence >= 2, FailoverDeadline);
                Assert.That((entry.Sequence, entry.Level), Is.EqualTo((2L, RiskLevel.Yellow)), code);
            }

            // 3. It keeps consuming what regions publish now (their connections find a live node), and the notification
            // bus, which was given every node, announces it from a live node too.
            await using var admin = await AmqpTestEnvironment.ConnectAsync(cluster.Address, "hc-test-cluster-watch");
            await using var watch = await admin.CreateChannelAsync();
            var notifications = await WatchStatusAppliedAsync(watch);
            var health = host.Host.Services.GetRequiredService<HealthCheckService>();
            var busUp = await Poll.Until(async () => (await health.CheckHealthAsync(r => r.Name == "masstransit-bus")).Status == HealthStatus.Healthy,
                FailoverDeadline, TimeSpan.FromMilliseconds(500));
            Assert.That(busUp, Is.True, "the MassTransit bus did not reconnect to a live node");

            await PublishAllAsync(host, cluster.Address, codes, sequence: 3, color: 2);
            foreach (var code in codes)
            {
                var entry = await host.WaitForAsync(Region, code, e => e.Sequence == 3);
                Assert.That(entry.Level, Is.EqualTo(RiskLevel.Red), code);
            }
            var announced = await AnnouncedAsync(watch, notifications, codes, sequence: 3);
            Assert.That(announced, Is.EquivalentTo(codes), "StatusApplied for every event consumed after the failover");
            Assert.That(host.Counts.Rejected, Is.Zero);
            TestContext.Out.WriteLine($"{3 * CodeCount} events, {host.Counts.Consumed} consumed: {host.Counts.Applied} applied, " +
                                      $"{host.Counts.Duplicate} duplicates (redeliveries after the node stopped), {host.Counts.Superseded} superseded");
        }
        finally
        {
            // Whole again for the next test (the host's own cleanup needs the broker too).
            if (stopped) await cluster.StartNodeAsync(picked.Port);
        }
    }

    /// <summary>Every code's status with this sequence, published and confirmed as a regional system does, on a connection of its own.</summary>
    private static async Task PublishAllAsync(IngestionHost host, string broker, string[] codes, long sequence, int color)
    {
        await using var publisher = await AmqpTestEnvironment.OpenPublisherAsync(host.Options.Exchange, broker);
        foreach (var code in codes)
            await publisher.PublishAsync(Region, RegionSample.Shanghai(code, color, BaseTime.AddMinutes(sequence)), sequence);
    }

    private static async Task<int> CountAsync(IngestionHost host, string[] codes, long sequence)
    {
        var count = 0;
        foreach (var code in codes)
            if ((await host.Store.GetAsync(Region, code)).Entry?.Sequence == sequence) count++;
        return count;
    }

    private static async Task<string> WatchStatusAppliedAsync(IChannel watch)
    {
        var queue = (await watch.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true)).QueueName;
        const string exchange = "HealthCode.Verifier.Transport.Notifications:StatusApplied";   // MassTransit's publish topology
        await watch.ExchangeDeclareAsync(exchange, "fanout", durable: true, autoDelete: false);
        await watch.QueueBindAsync(queue, exchange, "");
        return queue;
    }

    private static async Task<HashSet<string>> AnnouncedAsync(IChannel watch, string queue, string[] codes, long sequence)
    {
        var wanted = codes.ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await Poll.Until(async () =>
        {
            while (await watch.BasicGetAsync(queue, autoAck: true) is { } got)
            {
                using var json = JsonDocument.Parse(Encoding.UTF8.GetString(got.Body.Span));
                var message = json.RootElement.GetProperty("message");
                var code = message.GetProperty("code").GetString()!;
                if (wanted.Contains(code) && message.GetProperty("sequence").GetInt64() == sequence) seen.Add(code);
            }
            return seen.Count == wanted.Count;
        }, TimeSpan.FromSeconds(30));
        return seen;
    }
}
