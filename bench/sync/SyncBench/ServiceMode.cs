using HealthCode.Verifier.Store;
using StackExchange.Redis;

namespace HealthCode.Bench.Sync;

/// <summary>
/// Pre-publishes the events to hc.status as region 310000 would, while no service consumes; creates the signal file so
/// run.sh starts Codes.Api; times the drain of hc.status.ingest until every code is in the store (its status key).
/// </summary>
internal static class ServiceMode
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var publishUri = args.Text("publish-amqp", "amqp://region-310000:hc-test-310000@127.0.0.1:5693/");
        var amqp = args.Text("amqp", "amqp://guest:guest@127.0.0.1:5693/");
        var count = (uint)args.Int("count", 20000);
        var queue = args.Text("queue", "hc.status.ingest");
        var signal = args.Text("signal", "");
        // Where run.sh writes the service's process id once it started it (for the CPU it spends on the drain).
        var pidFile = args.Text("pid-file", "");
        var defaults = new RedisStoreOptions();
        var keys = new StatusKeys(args.Text("prefix", "hc:"), defaults.StatusBuckets, defaults.HolderBuckets);
        var run = NativeEvents.NewRun();
        await using var redis = await ConnectionMultiplexer.ConnectAsync(args.Text("redis", "127.0.0.1:6393"));
        var db = redis.GetDatabase();

        await using var depth = await QueueDepth.OpenAsync(amqp, queue);
        await using var errors = await QueueDepth.OpenAsync(amqp, args.Text("error-queue", "hc.status.error"));
        var errorsBefore = await errors.ReadyAsync();
        // Left over by a latency run the service could not keep up with; the bench's broker is its own.
        if (await depth.PurgeAsync() is var purged and > 0) Console.Error.WriteLine($"[syncbench] purged {purged} messages left in {queue}");
        await using (var publisher = await ConfirmedPublisher.OpenAsync(publishUri, "hc-syncbench-publish"))
        {
            var statusAt = DateTimeOffset.UtcNow;
            for (var i = 0; i < count; i++)
                await publisher.SendAsync("hc.status", NativeEvents.Region, NativeEvents.Properties(1), NativeEvents.Body(run, i, statusAt));
            await publisher.DrainAsync();
        }
        await depth.WaitForAtLeastAsync(count, TimeSpan.FromSeconds(60));
        Console.Error.WriteLine($"[syncbench] {count} events waiting in {queue}; start the service");
        if (signal.Length > 0) await File.WriteAllTextAsync(signal, run);

        var members = Enumerable.Range(0, (int)count).Select(i => StatusKeys.Member(NativeEvents.Region, NativeEvents.Code(run, i))).ToArray();
        var firstMissing = 0;
        async Task<bool> AllStored(uint _)
        {
            // Codes are checked in order, from the first one not yet seen; most of them land before the queue empties.
            while (firstMissing < members.Length)
            {
                var batch = members.AsMemory(firstMissing, Math.Min(500, members.Length - firstMissing)).ToArray();
                var stored = await Task.WhenAll(batch.Select(m => db.HashExistsAsync(keys.StatusBucket(m), m)));
                if (stored.Any(s => !s)) return false;
                firstMissing += batch.Length;
            }
            return true;
        }
        var timeline = await depth.WatchAsync(count, TimeSpan.FromMilliseconds(20), AllStored, TimeSpan.FromSeconds(args.Int("deadline", 600)),
            () => File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile), out var pid) ? ProcessCpu.Seconds(pid) : null);
        // Every event must have been applied: a refused one would be in the error queue, not in the store.
        var errorQueued = await errors.ReadyAsync() - errorsBefore;
        Report.Drain("service", timeline, args.Int("prefetch", 0), args.Int("concurrency", 0));
        if (errorQueued != 0) Console.Error.WriteLine($"[syncbench] {errorQueued} events went to the error queue");
        return errorQueued == 0 ? 0 : 1;
    }
}
