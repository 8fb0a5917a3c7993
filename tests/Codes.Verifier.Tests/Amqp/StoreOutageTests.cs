using System.Diagnostics;
using HealthCode.Testing;
using HealthCode.Translator.Canonical;
using HealthCode.Verifier.Store;

namespace HealthCode.Verifier.Tests.Amqp;

/// <summary>
/// Stops the shared test Redis (scripts/services.sh stop-redis) and starts it again: run alone, nothing else in this
/// run may use Redis meanwhile.
/// </summary>
[Category("Amqp"), Category("Fault"), NonParallelizable]
public sealed class StoreOutageTests
{
    [Test]
    public async Task Events_published_during_a_redis_outage_are_requeued_not_lost_and_applied_after_restart()
    {
        var redisPort = RedisPort();
        await using var host = await IngestionHost.StartAsync(o => o with { RequeueDelay = TimeSpan.FromMilliseconds(200) },
            o => (o.StoreAttempts, o.StoreRetryFirstDelay) = (2, TimeSpan.FromMilliseconds(50)));
        await using var publisher = await AmqpTestEnvironment.OpenPublisherAsync(host.Options.Exchange);
        var codes = Enumerable.Range(0, 20).Select(i => "SH" + (710_000_000_000_000_000L + i).ToString("D18")).ToArray();

        Services("stop-redis", redisPort);
        try
        {
            Assert.ThrowsAsync<StoreUnavailableException>(() => host.Store.PingAsync(), "Redis is down");
            foreach (var code in codes)
                await publisher.PublishAsync("310000", RegionSample.Shanghai(code, 2, DateTimeOffset.UtcNow), 3);
            await Poll.Until(() => host.Counts.Requeued >= codes.Length, TimeSpan.FromSeconds(30));
            Assert.That(host.Counts.Requeued, Is.GreaterThanOrEqualTo(codes.Length), "every event went back to the queue");
        }
        finally
        {
            Services("start-redis", redisPort);
        }

        foreach (var code in codes)
            Assert.That((await host.WaitForAsync("310000", code, e => e.Sequence == 3, TimeSpan.FromSeconds(30))).Level, Is.EqualTo(RiskLevel.Red));
        Assert.That(host.Counts.ErrorQueued, Is.Zero, "an outage never dead-letters");
        Assert.That(await host.TakeErrorsAsync(1, TimeSpan.FromMilliseconds(200)), Is.Empty);
    }

    private static int RedisPort()
    {
        var address = TestServers.Redis;
        var colon = address.LastIndexOf(':');
        var hostName = colon < 0 ? address : address[..colon];
        if (hostName is not ("127.0.0.1" or "localhost"))
            Assert.Ignore($"HC_TEST_REDIS={address} is not the local Redis that scripts/services.sh controls.");
        return colon < 0 ? 6379 : int.Parse(address[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Services(string command, int redisPort)
    {
        var script = Path.Combine(AmqpTestEnvironment.RepositoryRoot(), "scripts", "services.sh");
        var start = new ProcessStartInfo("bash", [script, command]) { RedirectStandardError = true, RedirectStandardOutput = true };
        start.Environment["HC_REDIS_PORT"] = redisPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var process = Process.Start(start)!;
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"services.sh {command} did not finish within 60 s");
        }
        Assert.That(process.ExitCode, Is.Zero, $"services.sh {command}: {process.StandardError.ReadToEnd()}");
    }
}
