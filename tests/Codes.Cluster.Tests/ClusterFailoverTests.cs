using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using HealthCode.Verifier.Store;
using HealthCode.Verifier.Transport.RabbitMq;
using StackExchange.Redis;

namespace HealthCode.Cluster.Tests;

/// <summary>
/// Two Codes.Api processes (real mode, one key prefix, one queue) on the Redis Cluster and the RabbitMQ cluster of
/// scripts/services.sh start-cluster, fed by four regional publishers while a Redis master is killed (its replica
/// takes over) and a broker node is stopped, then both are brought back. Skipped without HC_TEST_REDIS_CLUSTER and
/// HC_TEST_RABBITMQ_CLUSTER; run with <c>dotnet test --filter TestCategory=Cluster</c> (scripts/test.sh does, after
/// starting the clusters). The main run excludes the category.
/// </summary>
[TestFixture, Category("Cluster"), NonParallelizable]
public sealed partial class ClusterFailoverTests
{
    private const string Exchange = "hc.status";
    private const string IngestQueue = "hc.status.ingest";
    private const string StoreUnavailable = "store-unavailable";
    private const string OtherCodeRestricts = "other-code-restricts";
    private const int Publishers = 4;
    private const double PerSecond = 9;
    private const int HeldEvents = 40;
    private const int InFlightPerPublisher = 3;
    private static readonly int[] HttpPorts = [5811, 5812];
    // As docs/scale-out.md advises for a cluster: an event is acknowledged once a replica has its write.
    private static readonly Dictionary<string, string> WaitForAReplica = new() { ["HealthCode__Redis__ReplicaAcks"] = "1" };
    private static readonly TimeSpan PublishDeadline = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan EndStateDeadline = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan FailoverDeadline = TimeSpan.FromSeconds(30);

    private string _redisNodes = null!;
    private string _amqp = null!;
    private ConnectionMultiplexer _redis = null!;

    [OneTimeSetUp]
    public async Task ConnectToTheClusters()
    {
        (_redisNodes, _amqp) = ClusterServers.Require();
        _redis = ClusterServers.ConnectRedis(_redisNodes);
        await ClusterServers.CheckBrokerAsync(_amqp);
    }

    [OneTimeTearDown]
    public void Disconnect() => _redis?.Dispose();

    [Test]
    public async Task Two_instances_keep_every_guarantee_while_a_redis_master_and_a_broker_node_fail()
    {
        // A node of an earlier run may still be rejoining: start from healthy clusters.
        await ClusterControl.RedisWaitOkAsync();
        await ClusterControl.RabbitWaitAsync();

        var seed = Environment.GetEnvironmentVariable("HC_TEST_CLUSTER_SEED") is { Length: > 0 } fixedSeed
            ? int.Parse(fixedSeed, CultureInfo.InvariantCulture)
            : Random.Shared.Next();
        var plan = EventPlan.Create(seed, DateTimeOffset.UtcNow);
        var prefix = $"hct:cluster:{Guid.NewGuid():N}:";
        var store = new RedisStatusStore(_redis, new RedisStoreOptions { KeyPrefix = prefix, ReadTimeout = TimeSpan.FromSeconds(2) }, TimeProvider.System);
        var (first, second) = await StartServicesAsync(prefix);
        await using var firstService = first;
        await using var secondService = second;
        await RequireConsumersAsync(2, first, second);
        using var firstClient = first.Client(ServiceProcess.CheckpointKey);
        using var secondClient = second.Client(ServiceProcess.CheckpointKey);
        var instances = new[] { (Name: Name(first), Client: firstClient), (Name: Name(second), Client: secondClient) };

        var (victim, victimSlot, victimCodes) = await ChooseRedisMasterAsync(plan, store);
        var broker = AmqpAddress.Parse(_amqp);
        var ingestNode = IngestNode(first);
        var brokerNode = ingestNode ?? broker.Endpoints[0].Port;
        // Publisher i tries node i first: the stopped node cuts some of them, the others keep their connections.
        var publishers = Enumerable.Range(0, Publishers).Select(i =>
            new RepublishingPublisher(broker.ApplyTo, broker.TcpEndpoints(), Exchange, firstHost: i, name: $"hc-cluster-test-region-{i}")).ToArray();

        var clock = Stopwatch.StartNew();
        var probes = instances.Select(i => new VerifyProbe(i.Client, plan.Codes, clock, EventPlan.Region, i.Name, TimeSpan.FromMilliseconds(20))).ToArray();
        using var stopProbes = new CancellationTokenSource();
        var probing = Task.WhenAll(probes.Select(p => p.RunAsync(concurrency: 2, stopProbes.Token)));
        var log = new PublishLog();
        var total = plan.Events.Count;
        var holdFrom = total * 60 / 100;
        var timeline = new List<string>();
        bool redisDown = false, brokerDown = false, heldWhileStreaming = false;
        Task<TimeSpan>? brokerStopping = null, redisStarting = null, brokerStarting = null;
        // The last 40 % of the stream waits until the broker node is down, however long rabbitmqctl takes to stop it.
        var brokerIsDown = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stopStream = new CancellationTokenSource();
        var running = Task.CompletedTask;
        var confirmedAtBrokerDown = 0;
        TimeSpan killedAt = default, promotedAt = default;
        List<string> endDifferences;
        TimeSpan endStateAfter;
        try
        {
            running = StreamRunner.RunAsync(plan, publishers, log, clock, PerSecond, InFlightPerPublisher, PublishDeadline,
                holdFrom, brokerIsDown.Task, stopStream.Token);

            // rabbitmqctl takes from a few seconds to half a minute to stop a node on a busy machine: it starts first,
            // and the Redis fault happens while it is on its way.
            await WaitForConfirmedAsync(log, running, total * 5 / 100);
            Mark(timeline, clock, log, $"stop RabbitMQ node {brokerNode} ({(ingestNode is null ? "the first host" : $"{Name(first)} consumes from it")}; publishers on it: {OnNode(publishers, brokerNode)})");
            brokerDown = true;
            brokerStopping = ClusterControl.RabbitStopAsync(brokerNode);

            await WaitForConfirmedAsync(log, running, total * 15 / 100);
            killedAt = clock.Elapsed;
            Mark(timeline, clock, log, $"kill -9 Redis master {victim}");
            redisDown = true;
            await ClusterControl.RedisKillAsync(victim);
            var promoted = await Poll.Until(async () => await RedisTopology.ViewAsync(_redis, victim) is { } view
                && RedisTopology.OwnerPort(view, victimSlot) is { } owner && owner != victim, FailoverDeadline, TimeSpan.FromMilliseconds(100));
            promotedAt = clock.Elapsed;
            if (!promoted) Assert.Fail($"no replica took over the slots of Redis {victim} within {FailoverDeadline.TotalSeconds} s");
            Mark(timeline, clock, log, $"a replica serves the slots of {victim}");

            // Each fault is held while the stream goes on (40 more confirmed events), then its node comes back.
            await WaitForConfirmedAsync(log, running, Math.Min(log.Confirmed + HeldEvents, holdFrom));
            Mark(timeline, clock, log, $"start Redis {victim} again");
            redisStarting = ClusterControl.RedisStartAsync(victim);
            await brokerStopping;
            brokerIsDown.SetResult();
            confirmedAtBrokerDown = log.Confirmed;
            Mark(timeline, clock, log, $"RabbitMQ node {brokerNode} is down");
            await WaitForConfirmedAsync(log, running, log.Confirmed + HeldEvents);
            heldWhileStreaming = log.Confirmed >= confirmedAtBrokerDown + HeldEvents;
            Mark(timeline, clock, log, $"start RabbitMQ node {brokerNode} again");
            brokerStarting = ClusterControl.RabbitStartAsync(brokerNode);

            await running;
            Mark(timeline, clock, log, "every event confirmed");
            await redisStarting;
            redisDown = false;
            Mark(timeline, clock, log, $"Redis {victim} back");
            await brokerStarting;
            brokerDown = false;
            // redis-start returns once the node is in sync with its master, rabbit-start once the cluster counts it running.
            Mark(timeline, clock, log, $"RabbitMQ node {brokerNode} back");

            var settling = Stopwatch.StartNew();
            endDifferences = await Poll.Until(() => EndStateDifferencesAsync(plan, log, store, instances, clock),
                d => d.Count == 0, EndStateDeadline, TimeSpan.FromMilliseconds(500));
            endStateAfter = settling.Elapsed;
            Mark(timeline, clock, log, endDifferences.Count == 0 ? "end state reached" : "end state not reached");
        }
        finally
        {
            // A failed run must not leave its stream publishing in the background.
            brokerIsDown.TrySetCanceled();
            await stopStream.CancelAsync();
            try { await running; }
            catch (Exception e) when (e is OperationCanceledException or TimeoutException) { /* the failure is reported already */ }
            await stopProbes.CancelAsync();
            await probing;
            // Leave the clusters whole for the next run, whatever failed: let a verb under way finish, then start what is down.
            foreach (var pending in new[] { brokerStopping, redisStarting, brokerStarting }.OfType<Task<TimeSpan>>())
            {
                try { await pending; }
                catch (Exception e) { await TestContext.Error.WriteLineAsync("cluster.sh: " + e.Message); }
            }
            if (redisDown) await ClusterControl.RedisStartAsync(victim);
            if (brokerDown) await ClusterControl.RabbitStartAsync(brokerNode);
            foreach (var publisher in publishers) await publisher.DisposeAsync();
        }

        var answers = probes.SelectMany(p => p.Answers).ToList();
        var failures = answers.Where(a => a.Status is 0 or >= 500).ToList();
        var wrongAccepts = AnswerAudit.WrongAccepts(answers, plan, log);
        var stepsBack = AnswerAudit.StepsBack(answers);
        var duringFailover = answers.Where(a => a.Started >= killedAt && a.Finished <= promotedAt).ToList();
        var unavailable = answers.Count(a => a.Decision == "manual" && a.Reasons.Contains(StoreUnavailable));
        Report(plan, publishers, [first, second], timeline, victim, victimCodes, answers, duringFailover, wrongAccepts, stepsBack, endDifferences, endStateAfter);

        Assert.Multiple(() =>
        {
            Assert.That(heldWhileStreaming, Is.True, $"the broker node must be down while {HeldEvents} more events are published (down at {confirmedAtBrokerDown} of {total})");
            Assert.That(publishers.Sum(p => p.Reconnects), Is.GreaterThan(Publishers), "stopping a broker node must cut some publisher's connection");
            Assert.That(unavailable, Is.GreaterThan(0), "while the master was down some verify must have met its slots (manual, store-unavailable)");
            Assert.That(failures.Select(Describe), Is.Empty, "no verify fails with a 5xx or a broken connection");
            Assert.That(wrongAccepts, Is.Empty, "no accept from a status that is not green, not published, or older than one already shown");
            Assert.That(endDifferences, Is.Empty, "the store and both instances end on the highest confirmed status of every code:\n" + first.Output() + "\n" + second.Output());
        });
    }

    // Both at once (start-up is most of a process's first seconds); if one fails, the other is stopped too.
    private async Task<(ServiceProcess First, ServiceProcess Second)> StartServicesAsync(string prefix)
    {
        var starting = HttpPorts.Select(async port =>
        {
            var service = await ServiceProcess.StartAsync(new ServiceSettings(prefix, _redisNodes, _amqp, port, WaitForAReplica));
            try
            {
                await service.WaitReadyAsync(TimeSpan.FromSeconds(60));
                return service;
            }
            catch (Exception)
            {
                await service.DisposeAsync();
                throw;
            }
        }).ToArray();
        try
        {
            await Task.WhenAll(starting);
        }
        catch (Exception)
        {
            foreach (var task in starting.Where(t => t.IsCompletedSuccessfully)) await task.Result.DisposeAsync();
            throw;
        }
        return (starting[0].Result, starting[1].Result);
    }

    // Another Codes.Api on the queue (someone's real-mode run) would take a share of the deliveries and apply them under
    // its own key prefix: "nothing lost" is unprovable then, so wait (bounded) until ours are alone.
    private async Task RequireConsumersAsync(uint expected, params ServiceProcess[] services)
    {
        var consumers = await Poll.Until(async () =>
        {
            try { return await ClusterServers.ConsumerCountAsync(_amqp, IngestQueue); }
            catch (Exception e) when (e is RabbitMQ.Client.Exceptions.OperationInterruptedException or RabbitMQ.Client.Exceptions.BrokerUnreachableException) { return 0u; }
        }, c => c == expected, TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(500));
        if (consumers != expected)
            Assert.Fail($"{consumers} consumers on {IngestQueue}, expected our {expected}: another Codes.Api in real mode is consuming it, or ours did not attach.\n" +
                        string.Join("\n", services.Select(s => s.Output())));
    }

    /// <summary>The master owning the status keys of the most codes, one slot of it, and how many codes it owns.</summary>
    private async Task<(int Port, int Slot, int Codes)> ChooseRedisMasterAsync(EventPlan plan, RedisStatusStore store)
    {
        var masters = await ClusterControl.RedisMastersAsync();
        var view = await RedisTopology.ViewAsync(_redis) ?? throw new InvalidOperationException("no Redis node answers CLUSTER NODES");
        var owned = plan.Codes
            .Select(code => _redis.HashSlot(store.Keys.StatusBucket(StatusKeys.Member(EventPlan.Region, code))))
            .Select(slot => (Slot: slot, Owner: RedisTopology.OwnerPort(view, slot)))
            .Where(x => x.Owner is { } port && masters.Contains(port))
            .GroupBy(x => x.Owner!.Value)
            .MaxBy(g => g.Count());
        if (owned is null) Assert.Fail($"none of the masters {string.Join(',', masters)} owns a slot of the codes");
        return (owned!.Key, owned.First().Slot, owned.Count());
    }

    /// <summary>
    /// Codes whose stored status is not the highest confirmed version (sequence, revocation, level and status time,
    /// read through the store's API), and verifies on either instance that do not answer what that state decides.
    /// </summary>
    private static async Task<List<string>> EndStateDifferencesAsync(EventPlan plan, PublishLog log, RedisStatusStore store,
        IReadOnlyList<(string Name, HttpClient Client)> instances, Stopwatch clock)
    {
        var differences = new List<string>();
        CodeVersion State(string code) => plan.Version(code, log.HighestConfirmed(code) ?? 0) ?? new CodeVersion(code, 0, 0, Revoke: true);

        var lookups = await Task.WhenAll(plan.Codes.Select(async code =>
        {
            try { return (Code: code, Entry: (await store.GetAsync(EventPlan.Region, code)).Entry, Error: (string?)null); }
            catch (StoreUnavailableException e) { return (Code: code, Entry: (StatusEntry?)null, Error: e.Message); }
        }));
        foreach (var (code, entry, error) in lookups)
        {
            var expected = State(code);
            if (error is not null) differences.Add($"{code}: store unreadable ({error})");
            else if (entry is null) differences.Add($"{code}: missing, expected {expected}");
            else if (entry.Sequence != expected.Sequence || entry.Revoked != expected.Revoke)
                differences.Add($"{code}: stored sequence {entry.Sequence}{(entry.Revoked ? " (revoked)" : "")}, expected {expected}");
            else if (!expected.Revoke && (entry.NativeLevel != expected.Color.ToString(CultureInfo.InvariantCulture) || entry.StatusAt != plan.StatusAt(expected.Sequence)))
                differences.Add($"{code}: stored level {entry.NativeLevel} at {entry.StatusAt:O}, expected {expected} at {plan.StatusAt(expected.Sequence):O}");
        }

        var verifies = await Task.WhenAll(instances.SelectMany(i => plan.Codes.Select(code =>
            VerifyProbe.VerifyAsync(i.Client, code, clock, EventPlan.Region, i.Name))));
        foreach (var answer in verifies)
        {
            var expected = plan.Expected(answer.Code, State);
            if (answer.Status != 200 || answer.Decision != expected.Decision || answer.Sequence != expected.Sequence
                || answer.Reasons.Contains(OtherCodeRestricts) != expected.OtherCodeRestricts)
                differences.Add($"{answer.Instance} {answer.Code}: {Describe(answer)}, expected {expected.Decision} on sequence {expected.Sequence}" +
                                (expected.OtherCodeRestricts ? $" with {OtherCodeRestricts}" : ""));
        }
        return differences;
    }

    /// <summary>Waits (bounded) until <paramref name="count"/> events are confirmed, or the stream has ended.</summary>
    private static async Task WaitForConfirmedAsync(PublishLog log, Task running, int count)
    {
        var reached = await Poll.Until(() => log.Confirmed >= count || running.IsCompleted, TimeSpan.FromSeconds(90), TimeSpan.FromMilliseconds(50));
        if (running.IsFaulted) await running;
        if (!reached) Assert.Fail($"only {log.Confirmed} of {count} events confirmed within 90 s");
    }

    private static void Mark(List<string> timeline, Stopwatch clock, PublishLog log, string what) =>
        timeline.Add($"{clock.Elapsed.TotalSeconds,6:0.0} s  {log.Confirmed,3} confirmed  {what}");

    // The node the first instance consumes from, as it logs it: stopping that node makes a consumer move, not only publishers.
    private static int? IngestNode(ServiceProcess service) =>
        IngestConnection().Matches(service.Output()).LastOrDefault() is { } match ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"healthcode-ingest (?:is on|recovered onto) node \S+:(\d+)")]
    private static partial Regex IngestConnection();

    private static string OnNode(RepublishingPublisher[] publishers, int port) =>
        string.Join(',', publishers.Select((p, i) => (p, i)).Where(x => x.p.ConnectedPort == port).Select(x => x.i));

    private static string Name(ServiceProcess service) => service.BaseAddress.Port.ToString(CultureInfo.InvariantCulture);

    private static string Describe(VerifyAnswer a) =>
        $"{a.Status} {a.Decision ?? a.Error ?? "-"} on sequence {a.Sequence?.ToString(CultureInfo.InvariantCulture) ?? "none"}" +
        (a.Reasons.Length > 0 ? $" [{string.Join(',', a.Reasons)}]" : "");

    private static void Report(EventPlan plan, RepublishingPublisher[] publishers, ServiceProcess[] services, List<string> timeline, int victim, int victimCodes,
        List<VerifyAnswer> answers, List<VerifyAnswer> duringFailover, List<string> wrongAccepts, List<string> stepsBack,
        List<string> endDifferences, TimeSpan endStateAfter)
    {
        var roles = string.Join(", ", plan.Events.GroupBy(e => e.Role).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"));
        var verdicts = string.Join(", ", plan.Codes.Select(c => plan.Expected(c, plan.Highest))
            .GroupBy(v => v.Decision + (v.OtherCodeRestricts ? " (other-code-restricts)" : "")).Select(g => $"{g.Count()} {g.Key}"));
        var output = TestContext.Out;
        output.WriteLine($"seed {plan.Seed} (HC_TEST_CLUSTER_SEED repeats the plan): {plan.Codes.Count} codes of {plan.Holders} holders; " +
                         $"{plan.Events.Count} events ({roles}), {plan.Events.Count(e => e.Version.Revoke)} revocations; end verdicts: {verdicts}");
        output.WriteLine($"Redis master {victim} owned {victimCodes} codes' status keys");
        foreach (var line in timeline) output.WriteLine("  " + line);
        output.WriteLine("publishers: " + string.Join("; ", publishers.Select((p, i) =>
            $"#{i} sent {p.Sent}, confirmed {p.Confirmed}, republished {p.Republished}, connections {p.Reconnects}")));
        foreach (var service in services)
            output.WriteLine($"service {Name(service)}: RabbitMQ connections lost {service.CountOutput(" lost (")}, recovered {service.CountOutput("recovered onto node")}; " +
                             $"ingestion channel reopened {service.CountOutput("reopening it")}; events requeued after a failed apply {service.CountOutput("requeueing it")}; " +
                             $"masters found without a replica in sync (writes then acknowledged unreplicated) {service.CountOutput("replicas in sync")}");
        output.WriteLine($"verifies: {answers.Count} ({VerifyProbe.Summary(answers)})");
        output.WriteLine($"verifies between the kill and the replica taking over: {duringFailover.Count} ({VerifyProbe.Summary(duringFailover)})");
        output.WriteLine($"wrong accepts: {wrongAccepts.Count}; answers on an older sequence than one shown before (store went back): {stepsBack.Count}");
        foreach (var line in wrongAccepts.Concat(stepsBack).Take(20)) output.WriteLine("  " + line);
        output.WriteLine(endDifferences.Count == 0
            ? $"end state reached {endStateAfter.TotalSeconds:0.0} s after the clusters were whole"
            : $"end state not reached within {EndStateDeadline.TotalSeconds} s: {endDifferences.Count} differences");
        foreach (var line in endDifferences.Take(20)) output.WriteLine("  " + line);
    }
}
