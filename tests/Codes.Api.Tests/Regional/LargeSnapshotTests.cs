using System.Diagnostics;
using System.Globalization;
using System.Text;
using HealthCode.Verifier.Ingestion;
using HealthCode.Verifier.Store;
using HealthCode.Verifier.Transport.RabbitMq;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace HealthCode.Api.Tests.Regional;

/// <summary>
/// A 100,000-line snapshot against the real Redis (in-process bus: snapshot lines bypass the broker anyway), streamed
/// as it is generated. Exact counts, and the process's memory stays bounded: the test reports peak RSS and lines/s.
/// Category Memory: scripts/test.sh runs it in a test process of its own, because the resident set of a process that
/// has just hosted hundreds of other tests measures their heap and its collection budget, not this snapshot
/// (measured: +120 MiB alone, +262 MiB after the rest of this project).
/// </summary>
[Category("Redis"), Category("Memory")]
public sealed class LargeSnapshotTests
{
    private const int Lines = 100_000;

    [Test]
    public async Task A_hundred_thousand_line_snapshot_gives_exact_counts_in_bounded_memory()
    {
        using var redis = ConnectionMultiplexer.Connect(RedisConnector.CreateOptions(TestServers.Redis, TimeSpan.FromSeconds(2)));
        if (!redis.IsConnected) Assert.Fail($"Redis is not reachable at {TestServers.Redis}. Start the test servers with scripts/services.sh start.");
        var prefix = $"hct:snap:{Guid.NewGuid():N}:";
        try
        {
            // Real mode needs both servers; the broker gets a run of its own (snapshot lines never cross it).
            var run = Guid.NewGuid().ToString("N")[..12];
            var transport = new RabbitMqTransportOptions
            {
                ConnectionString = TestServers.RabbitMq,
                Exchange = $"hc.status.test-{run}",
                IngestQueue = $"hc.status.test-{run}.ingest",
                ErrorQueue = $"hc.status.test-{run}.error",
            };
            using var factory = new ApiFactory(settings: new Dictionary<string, string?>(ApiFactory.RoleKeys())
            {
                ["ConnectionStrings:Redis"] = TestServers.Redis,
                ["ConnectionStrings:RabbitMq"] = TestServers.RabbitMq,
                ["HealthCode:Redis:KeyPrefix"] = prefix,
                ["HealthCode:SeedSamples"] = "false",
                ["HealthCode:RateLimit:PermitsPerSecond"] = "1000000",
            })
            {
                ExtraServices = services => services.AddSingleton(transport),
            };
            var client = factory.ClientWithKey(Keys.Admin);
            client.Timeout = TimeSpan.FromMinutes(5);
            var now = factory.Clock.GetUtcNow();
            await HubHolds(factory, now);
            factory.Clock.Advance(TimeSpan.FromSeconds(1));

            using var memory = new PeakMemory();
            var watch = Stopwatch.StartNew();
            var response = await client.PostAsync("/v1/regions/310000/snapshots", new NdjsonContent(Snapshot(now)));
            var uploaded = watch.Elapsed;
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
            var status = await Poll.Until(async () => await RegionalRequests.Json(await client.GetAsync(response.Headers.Location), HttpStatusCode.OK),
                s => s.GetProperty("state").GetString() != "running", TimeSpan.FromMinutes(5));
            var elapsed = watch.Elapsed;

            TestContext.Progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"snapshot of {Lines} lines: upload {uploaded.TotalSeconds:F1} s, done after {elapsed.TotalSeconds:F1} s " +
                $"({Lines / elapsed.TotalSeconds:F0} lines/s); RSS {memory.Baseline / 1048576} MiB before, peak {memory.Peak / 1048576} MiB"));
            Assert.That(status.GetProperty("state").GetString(), Is.EqualTo("done"), status.ToString());
            Assert.That(new[] { "lines", "applied", "current", "hubAhead", "rejected", "missingFromSnapshot", "revoked" }.Select(n => status.GetProperty(n).GetInt64()),
                Is.EqualTo(new long[] { Lines, 97_804, 998, 998, 200, 502, 0 }));
            // The body is ~25 MiB; bounded means the process does not grow with it (spooled to disk, a few lines in flight).
            Assert.That(memory.Peak - memory.Baseline, Is.LessThan(256L * 1024 * 1024));
        }
        finally
        {
            await DeleteUnder(redis, prefix);
        }
    }

    // Codes 0-999 held at the snapshot's sequence (current), 1000-1999 at a newer one (hub ahead), 100000-100499 held
    // and never listed (missing). Applied through the one pipeline, as events would be.
    private static async Task HubHolds(ApiFactory factory, DateTimeOffset now)
    {
        var pipeline = factory.Services.GetRequiredService<IngestionPipeline>();
        var held = Enumerable.Range(0, 1000).Select(n => (n, 5L)).Concat(Enumerable.Range(1000, 1000).Select(n => (n, 9L)))
            .Concat(Enumerable.Range(100_000, 500).Select(n => (n, 5L)));
        await Parallel.ForEachAsync(held, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (code, ct) =>
        {
            var e = new InboundStatusEvent("310000", "310000", code.Item2.ToString(CultureInfo.InvariantCulture), null, "application/json",
                Encoding.UTF8.GetBytes(SnapshotLines.Shanghai(code.n, now)), $"pre-{code.n}", now, null, null, "test");
            var outcome = await pipeline.ConsumeAsync(e, ct);
            Assert.That(outcome.Result.Status, Is.EqualTo(ConsumeStatus.Applied));
        });
    }

    // Every 1000th line is not JSON (its code unknown), the one before it a payload the consumer refuses (its code readable).
    private static IEnumerable<string> Snapshot(DateTimeOffset now)
    {
        for (var n = 0; n < Lines; n++)
        {
            yield return (n % 1000) switch
            {
                999 => "{\"sequence\": 5, \"payload\": ",
                998 => SnapshotLines.Line(5, SnapshotLines.Shanghai(n, now).Replace("\"color\":0", "\"color\":7", StringComparison.Ordinal)),
                _ => SnapshotLines.Line(5, SnapshotLines.Shanghai(n, now)),
            };
        }
    }

    private static async Task DeleteUnder(ConnectionMultiplexer redis, string prefix)
    {
        var server = redis.GetServer(redis.GetEndPoints()[0]);
        var db = redis.GetDatabase();
        foreach (var batch in server.Keys(pattern: prefix + "*", pageSize: 1000).Chunk(1000)) await db.KeyDeleteAsync(batch);
    }

    /// <summary>Samples this process's resident set every 50 ms (the service runs in it).</summary>
    private sealed class PeakMemory : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _sampling;
        private long _peak;

        public PeakMemory()
        {
            Baseline = Sample();
            _peak = Baseline;
            _sampling = Task.Run(async () =>
            {
                while (!_stop.IsCancellationRequested)
                {
                    var now = Sample();
                    if (now > Interlocked.Read(ref _peak)) Interlocked.Exchange(ref _peak, now);
                    try { await Task.Delay(50, _stop.Token); } catch (OperationCanceledException) { }
                }
            });
        }

        public long Baseline { get; }
        public long Peak => Interlocked.Read(ref _peak);

        private static long Sample()
        {
            using var process = Process.GetCurrentProcess();
            return process.WorkingSet64;
        }

        public void Dispose()
        {
            _stop.Cancel();
            _sampling.Wait();
            _stop.Dispose();
        }
    }
}
