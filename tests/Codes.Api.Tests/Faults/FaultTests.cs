using System.Diagnostics;
using HealthCode.Verifier.Transport.RabbitMq;
using StackExchange.Redis;

namespace HealthCode.Api.Tests.Faults;

/// <summary>
/// Faults with a stream of events flowing, against the real Redis (AOF, appendfsync always) and RabbitMQ of
/// scripts/services.sh and Codes.Api as a separate process: kill -9 of the service, a broker restart, a Redis
/// restart. Afterwards the store must equal the highest confirmed sequence of every code, and while Redis is down
/// every verify must answer manual. These tests stop and start the shared servers: run them on their own,
/// <c>dotnet test --filter TestCategory=Fault</c> (the main run uses TestCategory!=Fault). Both servers are started
/// again in finally blocks whatever happens.
/// </summary>
[TestFixture, Category("Fault"), NonParallelizable]
public sealed class FaultTests
{
    private const string IngestQueue = "hc.status.ingest";
    private const int Codes = 50;
    private const int Events = 300;
    private const int PerSecond = 60;
    private const int InFlight = 8;
    private const int FaultAfter = 100;
    private static readonly TimeSpan PublishDeadline = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan StoreDeadline = TimeSpan.FromSeconds(60);

    private ConnectionMultiplexer _redis = null!;
    private string _redisOwner = null!;
    private string _brokerOwner = null!;
    private string _amqpPublisher = null!;

    [OneTimeSetUp]
    public async Task CheckServers()
    {
        _redis = ServerControl.ConnectRedis();
        _redisOwner = ServerControl.RedisOwner(_redis);
        _brokerOwner = ServerControl.BrokerOwner();
        var aof = _redis.GetServer(_redis.GetEndPoints()[0]).ConfigGet("appendonly").FirstOrDefault().Value;
        Assert.That(aof, Is.EqualTo("yes"), "the Redis fault needs AOF on (scripts/services.sh starts Redis with it)");
        // Shanghai's own broker user: it may publish to hc.status with routing key 310000 only.
        _amqpPublisher = TestServers.RabbitMqAs("region-310000", "hc-test-310000");
        await TestContext.Out.WriteLineAsync($"Redis run from {_redisOwner}, RabbitMQ from {_brokerOwner}; service {ServiceProcess.FindDll()}");
    }

    [OneTimeTearDown]
    public async Task LeaveServersRunning()
    {
        if (_redisOwner is not null) await ServerControl.EnsureRunningAsync(_redisOwner, _brokerOwner);
        _redis?.Dispose();
    }

    [Test]
    public async Task Service_killed_mid_stream_loses_nothing_after_restart()
    {
        var stream = new StatusStream(Codes);
        await using var service = await StartServiceAsync();
        await using var publisher = Publisher();

        var running = stream.RunAsync(publisher, Events, PerSecond, InFlight, PublishDeadline);
        await WaitForConfirmedAsync(stream, running, FaultAfter);
        var appliedAtKill = (await stream.ReadStoreAsync(_redis, service.KeyPrefix)).Count;
        await service.KillAsync();
        var confirmedAtKill = stream.Events;
        // Events keep coming while the service is gone: the broker holds them.
        await WaitForConfirmedAsync(stream, running, confirmedAtKill + 60);
        var confirmedWhileDown = stream.Events - confirmedAtKill;
        await service.StartAsync();
        await running;

        var differences = await stream.WaitForStoreAsync(_redis, service.KeyPrefix, StoreDeadline);
        Report("kill -9 of the service", stream, publisher, differences,
            $"killed after {confirmedAtKill} confirmed events ({appliedAtKill} codes stored); {confirmedWhileDown} confirmed while it was down; started {service.Starts} times");
        Assert.That(differences, Is.Empty, "store differs from the highest confirmed sequence per code:\n" + service.Output());
    }

    [Test]
    public async Task Broker_restart_mid_stream_loses_nothing()
    {
        var stream = new StatusStream(Codes);
        await using var service = await StartServiceAsync();
        await using var publisher = Publisher();
        try
        {
            var running = stream.RunAsync(publisher, Events, PerSecond, InFlight, PublishDeadline);
            await WaitForConfirmedAsync(stream, running, FaultAfter);
            var confirmedAtFault = stream.Events;
            var restart = await ServerControl.ServicesAsync(_brokerOwner, "restart-rabbitmq");
            var confirmedAtRestart = stream.Events;
            await running;

            // The ingestion consumer must come back by itself: everything published after the restart is applied too.
            var differences = await stream.WaitForStoreAsync(_redis, service.KeyPrefix, StoreDeadline);
            Report("RabbitMQ restart", stream, publisher, differences,
                $"restarted after {confirmedAtFault} confirmed events; restart took {restart.TotalSeconds:0.0} s; " +
                $"{stream.Events - confirmedAtRestart} events confirmed after it; service log: " +
                $"{service.CountOutput("reopening it")} channel reopen(s), {service.CountOutput("Consuming hc.status.ingest")} consumer start(s)");
            Assert.That(differences, Is.Empty, "store differs from the highest confirmed sequence per code:\n" + service.Output());
            Assert.That(stream.Events - confirmedAtRestart, Is.GreaterThan(0), "some events must be published after the restart");
            await service.WaitReadyAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            await ServerControl.EnsureRunningAsync(_redisOwner, _brokerOwner);
        }
    }

    [Test]
    public async Task Redis_outage_answers_manual_and_loses_nothing()
    {
        var stream = new StatusStream(Codes);
        // Codes written before the outage and never again: only the AOF can bring them back after the restart.
        var settled = new StatusStream(20);
        await using var service = await StartServiceAsync();
        await using var publisher = Publisher();
        using var client = service.Client(ServiceProcess.CheckpointKey);
        await settled.RunAsync(publisher, 100, 200, InFlight, PublishDeadline);
        Assert.That(await settled.WaitForStoreAsync(_redis, service.KeyPrefix, StoreDeadline), Is.Empty, "settled codes stored before the outage");
        var clock = Stopwatch.StartNew();
        var probe = new VerifyProbe(client, stream.Codes, clock);
        using var stopProbe = new CancellationTokenSource();
        Task probing = Task.CompletedTask;
        TimeSpan outageStart = default, outageEnd = default;
        HttpStatusCode readyDuringOutage = default;
        try
        {
            var running = stream.RunAsync(publisher, Events, PerSecond, InFlight, PublishDeadline);
            await WaitForConfirmedAsync(stream, running, FaultAfter);
            // With Redis up, a green code is accepted: the manual answers below come from the outage, not the codes.
            var accepted = await Poll.Until(() => AnyDecisionAsync(client, stream.Codes, clock), d => d == "accept", TimeSpan.FromSeconds(20));
            Assert.That(accepted, Is.EqualTo("accept"), "before the outage some green code must be accepted");

            probing = probe.RunAsync(concurrency: 4, stopProbe.Token);
            await ServerControl.ServicesAsync(_redisOwner, "stop-redis");
            Assert.That(ServerControl.IsListening(ServerControl.RedisPort), Is.False, "Redis still listening after stop-redis");
            outageStart = clock.Elapsed;
            // Hold the outage at least 3 s and until 50 verifies were asked during it (at most 20 s).
            var hold = Stopwatch.StartNew();
            await Poll.Until(() => hold.Elapsed >= TimeSpan.FromSeconds(3) && probe.Answers.Count(a => a.Started >= outageStart) >= 50,
                TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(50));
            using (var anonymous = new HttpClient { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromSeconds(5) })
                readyDuringOutage = (await anonymous.GetAsync("/health/ready")).StatusCode;
            outageEnd = clock.Elapsed;
            await ServerControl.ServicesAsync(_redisOwner, "start-redis");
            // Keep scanning through the recovery (20 more verifies): still no 5xx and never accept from a store that is not back.
            var answeredAtRestart = probe.Answers.Count;
            await Poll.Until(() => probe.Answers.Count >= answeredAtRestart + 20, TimeSpan.FromSeconds(10));
            await stopProbe.CancelAsync();
            await probing;
            await running;
        }
        finally
        {
            await stopProbe.CancelAsync();
            await ServerControl.EnsureRunningAsync(_redisOwner, _brokerOwner);
        }

        var differences = await stream.WaitForStoreAsync(_redis, service.KeyPrefix, StoreDeadline);
        var settledDifferences = await settled.WaitForStoreAsync(_redis, service.KeyPrefix, TimeSpan.FromSeconds(5));
        var all = probe.Answers.ToList();
        var during = all.Where(a => a.Started >= outageStart && a.Finished <= outageEnd).ToList();
        Report("Redis stop/start (AOF)", stream, publisher, differences,
            $"outage {(outageEnd - outageStart).TotalSeconds:0.0} s; verifies during it: {during.Count} ({VerifyProbe.Summary(during)}); " +
            $"all verifies: {all.Count} ({VerifyProbe.Summary(all)}); /health/ready during it: {(int)readyDuringOutage}; " +
            $"{settled.Codes.Length - settledDifferences.Count}/{settled.Codes.Length} codes written only before the outage intact after it");

        Assert.Multiple(() =>
        {
            Assert.That(during, Has.Count.GreaterThanOrEqualTo(20), "verifies answered during the outage");
            Assert.That(during.Where(a => a.Status != 200 || a.Decision != "manual" || !a.Reasons.Contains("store-unavailable")), Is.Empty,
                "every verify during the outage answers 200 manual (store-unavailable)");
            Assert.That(all.Where(a => a.Status is 0 or >= 500), Is.Empty, "no verify fails with 5xx or a broken connection");
            Assert.That(readyDuringOutage, Is.EqualTo(HttpStatusCode.ServiceUnavailable), "not ready while Redis is down");
            Assert.That(differences, Is.Empty, "store differs from the highest confirmed sequence per code:\n" + service.Output());
            Assert.That(settledDifferences, Is.Empty, "codes written before the outage survive the Redis restart (AOF)");
        });
    }

    [Test]
    public async Task Status_event_over_http_answers_503_while_broker_down()
    {
        var stream = new StatusStream(1);
        await using var service = await StartServiceAsync();
        using var client = service.Client(ServiceProcess.PublisherKey);
        var answers = new List<(HttpStatusCode Status, string? Type, double Ms)>();
        HttpStatusCode afterRestart;
        try
        {
            await ServerControl.ServicesAsync(_brokerOwner, "stop-rabbitmq");
            Assert.That(ServerControl.IsListening(ServerControl.AmqpPort), Is.False, "RabbitMQ still listening after stop-rabbitmq");
            for (var i = 0; i < 3; i++)
            {
                var clock = Stopwatch.StartNew();
                using var response = await client.SendAsync(StatusEvent(stream, 1));
                var type = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
                    ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString()
                    : null;
                answers.Add((response.StatusCode, type, clock.Elapsed.TotalMilliseconds));
            }
            await ServerControl.ServicesAsync(_brokerOwner, "start-rabbitmq");
            // Back up: the same event (same sequence, as the 503 tells the caller) is accepted once the publisher reconnects.
            afterRestart = await Poll.Until(async () =>
            {
                using var response = await client.SendAsync(StatusEvent(stream, 1));
                return response.StatusCode;
            }, s => s == HttpStatusCode.Accepted, TimeSpan.FromSeconds(60));
        }
        finally
        {
            await ServerControl.EnsureRunningAsync(_redisOwner, _brokerOwner);
        }
        if (afterRestart == HttpStatusCode.Accepted) stream.RecordConfirmed(0, 1);
        var differences = await stream.WaitForStoreAsync(_redis, service.KeyPrefix, StoreDeadline);
        await TestContext.Out.WriteLineAsync($"[http publish, broker down] answers: {string.Join(", ", answers.Select(a => $"{(int)a.Status} {a.Type} in {a.Ms:0} ms"))}; " +
                                             $"after restart: {(int)afterRestart}; stored: {(differences.Count == 0 ? "yes" : string.Join("; ", differences))}");

        Assert.Multiple(() =>
        {
            Assert.That(answers.Select(a => a.Status), Is.All.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(answers.Select(a => a.Type), Is.All.EqualTo(HealthCode.Api.Problems.ProblemTypes.BusUnavailable));
            Assert.That(afterRestart, Is.EqualTo(HttpStatusCode.Accepted), "accepted again once the broker is back");
            Assert.That(differences, Is.Empty, "the event accepted after the restart reaches the store");
        });
    }

    private RepublishingPublisher Publisher()
    {
        var address = AmqpAddress.Parse(_amqpPublisher);
        return new RepublishingPublisher(address.ApplyTo, address.TcpEndpoints(), "hc.status");
    }

    private static HttpRequestMessage StatusEvent(StatusStream stream, long sequence)
    {
        var content = new ByteArrayContent(stream.Payload(0, sequence));
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/regions/{StatusStream.Region}/status-events") { Content = content };
        request.Headers.Add("X-HC-Sequence", sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return request;
    }

    private async Task<ServiceProcess> StartServiceAsync()
    {
        var service = await ServiceProcess.StartAsync(new ServiceSettings($"hct:fault:{Guid.NewGuid():N}:", TestServers.Redis,
            TestServers.RabbitMqAs("hc-service", "hc-service-test")));
        await service.WaitReadyAsync(TimeSpan.FromSeconds(30));
        // Another service instance on hc.status.ingest (someone's real-mode run) would take a share of the deliveries
        // and apply them under its own key prefix: "nothing lost" is unprovable then, so wait (bounded) until ours is alone.
        var consumers = await Poll.Until(() => ServerControl.ConsumerCountAsync(IngestQueue), c => c == 1,
            TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(500));
        if (consumers != 1)
        {
            await service.DisposeAsync();
            Assert.Fail($"{consumers} consumers on {IngestQueue}: another Codes.Api in real mode is consuming it; run the Fault tests alone.");
        }
        return service;
    }

    private static async Task<string?> AnyDecisionAsync(HttpClient client, IReadOnlyList<string> codes, Stopwatch clock)
    {
        foreach (var code in codes)
        {
            var answer = await VerifyProbe.VerifyAsync(client, code, clock);
            if (answer.Decision == "accept") return "accept";
        }
        return null;
    }

    /// <summary>Waits (bounded) until the stream has <paramref name="count"/> confirmed events, or has ended.</summary>
    private static async Task WaitForConfirmedAsync(StatusStream stream, Task running, int count)
    {
        var reached = await Poll.Until(() => stream.Events >= count || running.IsCompleted, TimeSpan.FromSeconds(60));
        if (running.IsFaulted) await running;
        if (!reached) Assert.Fail($"only {stream.Events} of {count} events confirmed within 60 s");
    }

    private static void Report(string fault, StatusStream stream, RepublishingPublisher publisher, List<string> differences, string details)
    {
        var expected = stream.HighestConfirmed;
        var lost = differences.Count(d => d.Contains("missing", StringComparison.Ordinal) || d.Contains("expected", StringComparison.Ordinal));
        TestContext.Out.WriteLine(
            $"[{fault}] events {stream.Events} + {stream.StaleResends} stale re-sends; publishes sent {publisher.Sent}, confirmed {publisher.Confirmed}, " +
            $"republished {publisher.Republished}, connections {publisher.Reconnects}; codes {expected.Count}, " +
            $"at highest confirmed sequence {expected.Count - differences.Count}, differing {lost} (sum of sequences {expected.Values.Sum()}); {details}");
        foreach (var difference in differences.Take(10)) TestContext.Out.WriteLine("  " + difference);
    }
}
