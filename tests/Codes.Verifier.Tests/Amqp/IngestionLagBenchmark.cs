using System.Diagnostics;

namespace HealthCode.Verifier.Tests.Amqp;

/// <summary>Publish (with confirm) → visible in Redis, one event at a time, so each sample is the end-to-end lag.</summary>
[Category("Benchmark"), Explicit("measurement, not a rule: dotnet test --filter Category=Benchmark")]
public sealed class IngestionLagBenchmark
{
    [Test]
    public async Task Amqp_publish_to_visible_lag()
    {
        const int events = 400, warmup = 20;
        await using var host = await IngestionHost.StartAsync();
        await using var publisher = await AmqpTestEnvironment.OpenPublisherAsync(host.Options.Exchange);
        var confirm = new List<double>();
        var visible = new List<double>();
        for (var i = 0; i < events + warmup; i++)
        {
            var code = "SH" + (720_000_000_000_000_000L + i % 50).ToString("D18");
            var sequence = i + 1L;
            var clock = Stopwatch.StartNew();
            await publisher.PublishAsync("310000", RegionSample.Shanghai(code, i % 3, DateTimeOffset.UtcNow), sequence);
            var confirmed = clock.Elapsed.TotalMilliseconds;
            while (await SequenceOf(host, code) != sequence)
                if (clock.Elapsed > TimeSpan.FromSeconds(10)) Assert.Fail($"event {i} not visible after 10 s");
            if (i < warmup) continue;
            confirm.Add(confirmed);
            visible.Add(clock.Elapsed.TotalMilliseconds);
        }
        TestContext.Out.WriteLine($"{events} events: publish+confirm p50 {P(confirm, 50):0.00} ms p99 {P(confirm, 99):0.00} ms; " +
                                  $"publish→visible p50 {P(visible, 50):0.00} ms p99 {P(visible, 99):0.00} ms max {visible.Max():0.00} ms");
    }

    // A read that misses its 250 ms deadline on a loaded box is a slow sample, not a failure.
    private static async Task<long?> SequenceOf(IngestionHost host, string code)
    {
        try { return (await host.Store.GetAsync("310000", code)).Entry?.Sequence; }
        catch (HealthCode.Verifier.Store.StoreUnavailableException) { return null; }
    }

    private static double P(List<double> values, int percentile)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
