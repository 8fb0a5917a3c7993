using System.Diagnostics;
using HealthCode.Verifier.Store;
using StackExchange.Redis;

namespace HealthCode.Bench.Sync;

/// <summary>
/// Publishes to hc.status at a fixed rate (region 310000, a pool of codes updated round after round with rising
/// sequences) while the service consumes, and measures publish→visible per event through <see cref="VisibilityTracker"/>.
/// Turns on keyspace notifications on the bench's own Redis for the run, and restores the setting after.
/// </summary>
internal static class LatencyMode
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var publishUri = args.Text("publish-amqp", "amqp://region-310000:hc-test-310000@127.0.0.1:5693/");
        var rate = args.Number("rate", 2000);
        var seconds = args.Number("seconds", 20);
        // Published at the same rate but not measured: a service started just before the run (JIT, connection pools) falls
        // behind in its first second, and at a rate close to its limit it never catches up, so every event would carry that start.
        var warmupSeconds = args.Number("warmup", 0);
        var pool = args.Int("codes", (int)rate);
        var prefix = args.Text("prefix", "hc:");
        var run = NativeEvents.NewRun();
        var warm = (int)(rate * warmupSeconds);
        var measured = (int)(rate * seconds);
        var total = warm + measured;

        var options = ConfigurationOptions.Parse(args.Text("redis", "127.0.0.1:6393"));
        options.AllowAdmin = true;
        await using var redis = await ConnectionMultiplexer.ConnectAsync(options);
        var server = redis.GetServers()[0];
        var previous = (await server.ConfigGetAsync("notify-keyspace-events")).FirstOrDefault().Value ?? "";
        await server.ConfigSetAsync("notify-keyspace-events", "KA");
        try
        {
            var store = new RedisStatusStore(redis, new RedisStoreOptions { KeyPrefix = prefix, ReadTimeout = TimeSpan.FromSeconds(2) }, TimeProvider.System);
            var tracker = new VisibilityTracker(store, NativeEvents.Region);
            // Statuses live as fields of bucket hashes: a notification names the bucket, so it checks the pool's codes in it.
            var codesByBucket = Enumerable.Range(0, pool).Select(i => NativeEvents.Code(run, i))
                .GroupBy(code => store.Keys.StatusBucket(StatusKeys.Member(NativeEvents.Region, code)))
                .ToDictionary(g => g.Key, g => g.ToArray());
            const string channelPrefix = "__keyspace@0__:";
            await redis.GetSubscriber().SubscribeAsync(RedisChannel.Pattern(channelPrefix + store.Keys.Prefix + "c:*"), (channel, _event) =>
            {
                if (!codesByBucket.TryGetValue(((string)channel!)[channelPrefix.Length..], out var codes)) return;
                foreach (var code in codes) _ = tracker.CheckAsync(code, sweep: false);
            });

            using var stop = new CancellationTokenSource();
            var sweeper = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    await tracker.SweepAsync(TimeSpan.FromMilliseconds(250));
                    try { await Task.Delay(100, stop.Token); } catch (OperationCanceledException) { }
                }
            });

            double worstLagMs = 0;
            var clock = Stopwatch.StartNew();
            await using (var publisher = await ConfirmedPublisher.OpenAsync(publishUri, "hc-syncbench-latency", window: 4096))
            {
                var next = 0;
                while (next < total)
                {
                    var due = Math.Min(total, (int)(clock.Elapsed.TotalSeconds * rate) + 1);
                    for (; next < due; next++)
                    {
                        var code = NativeEvents.Code(run, next % pool);
                        var sequence = next / pool + 1L;
                        var body = NativeEvents.Body(run, next % pool, DateTimeOffset.UtcNow);
                        var properties = NativeEvents.Properties(sequence);
                        worstLagMs = Math.Max(worstLagMs, clock.Elapsed.TotalMilliseconds - next * 1000 / rate);
                        if (next >= warm) tracker.Published(code, sequence, Stopwatch.GetTimestamp());
                        await publisher.SendAsync("hc.status", NativeEvents.Region, properties, body);
                    }
                    await Task.Delay(1);
                }
                var publishSeconds = clock.Elapsed.TotalSeconds;
                await publisher.DrainAsync();
                Console.Error.WriteLine($"[syncbench] published {total} events in {publishSeconds:F1} s ({total / publishSeconds:F0}/s, worst schedule lag {worstLagMs:F0} ms)");
            }

            var deadline = Stopwatch.StartNew();
            while (tracker.AnyPending && deadline.Elapsed < TimeSpan.FromSeconds(args.Int("deadline", 60)))
            {
                await tracker.SweepAsync(TimeSpan.Zero);
                await Task.Delay(50);
            }
            await stop.CancelAsync();
            await sweeper;

            // An event never seen counts as infinitely late, so an overloaded consumer cannot look fast.
            var latencies = tracker.LatenciesMs.Concat(Enumerable.Repeat(double.PositiveInfinity, measured - tracker.Visible)).Order().ToArray();
            Report.Line($"mode=latency rate={Report.F(rate, 0)} seconds={Report.F(seconds, 0)} warmup_s={Report.F(warmupSeconds, 0)} published={measured} visible={tracker.Visible} " +
                        $"p50_ms={Report.F(Percentile(latencies, 0.50), 1)} p90_ms={Report.F(Percentile(latencies, 0.90), 1)} " +
                        $"p99_ms={Report.F(Percentile(latencies, 0.99), 1)} max_ms={Report.F(latencies.LastOrDefault(), 1)} " +
                        $"by_sweep={tracker.FoundBySweep} schedule_lag_ms={Report.F(worstLagMs, 0)}");
            return tracker.Visible == measured ? 0 : 1;
        }
        finally
        {
            await server.ConfigSetAsync("notify-keyspace-events", previous);
        }
    }

    // Nearest rank.
    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
