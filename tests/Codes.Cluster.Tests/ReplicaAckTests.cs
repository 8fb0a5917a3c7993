using System.Diagnostics.Metrics;
using HealthCode.Translator.Canonical;
using HealthCode.Verifier.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace HealthCode.Cluster.Tests;

/// <summary>On the Redis Cluster of scripts/services.sh start-cluster (every master has a replica): with ReplicaAcks 1 a
/// status write returns only once a replica of each master written has it.</summary>
[Category("Cluster")]
public sealed class ReplicaAckTests
{
    [Test]
    public async Task With_replica_acks_every_write_is_on_a_replica_when_apply_returns()
    {
        var (nodes, _) = ClusterServers.Require();
        await ClusterControl.RedisWaitOkAsync();
        using var reads = ClusterServers.ConnectRedis(nodes);
        await ReplicasInSyncAsync(reads, TimeSpan.FromSeconds(60));
        var options = new RedisStoreOptions { KeyPrefix = $"hct:acks:{Guid.NewGuid():N}:", ReplicaAcks = 1, ReplicaAckTimeout = TimeSpan.FromSeconds(1) };
        await using var metrics = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var acks = new ReplicaAcknowledgement(ClusterServers.ConnectRedis(nodes), options, TimeProvider.System,
            NullLogger<ReplicaAcknowledgement>.Instance, metrics.GetRequiredService<IMeterFactory>());
        var store = new RedisStatusStore(reads, options, TimeProvider.System, acks);

        var onReplica = 0;
        for (var i = 0; i < 30; i++)
        {
            var member = StatusKeys.Member("310000", $"SH{i:D18}");
            await store.ApplyAsync(Status($"SH{i:D18}", holder: $"holder-{i % 10}"), TimeSpan.FromHours(1));
            // Straight from a replica, right after apply returned: the write must already be there.
            if (await reads.GetDatabase().HashExistsAsync(store.Keys.StatusBucket(member), member, CommandFlags.DemandReplica)) onReplica++;
        }

        Assert.Multiple(() =>
        {
            Assert.That(onReplica, Is.EqualTo(30), "every status was on a replica when its apply returned");
            Assert.That(acks.Unreplicated, Is.Zero, "every master had its replica in sync");
            Assert.That(acks.Waits, Is.GreaterThanOrEqualTo(30), "at least one WAIT per apply");
        });
    }

    // A node the failover test restarted may still be loading its first full sync as a replica.
    private static async Task ReplicasInSyncAsync(ConnectionMultiplexer redis, TimeSpan deadline)
    {
        var until = DateTimeOffset.UtcNow + deadline;
        while (true)
        {
            var masters = redis.GetServers().Where(s => s.IsConnected && !s.IsReplica).ToArray();
            var synced = 0;
            foreach (var master in masters)
            {
                var info = await master.InfoRawAsync("replication");
                if (info?.Contains(",state=online,", StringComparison.Ordinal) == true) synced++;
            }
            if (masters.Length > 0 && synced == masters.Length) return;
            if (DateTimeOffset.UtcNow > until) Assert.Fail($"{synced} of {masters.Length} masters have a replica online after {deadline.TotalSeconds:0} s");
            await Task.Delay(250);
        }
    }

    private static StatusEntry Status(string code, string holder) => new(
        Issuer: "310000", Code: code, Sequence: 1, Level: RiskLevel.Green, NativeLevel: "绿码", SubStatus: null,
        StatusAt: DateTimeOffset.UtcNow, ValidUntil: null, Revoked: false, HolderKey: holder, MaskedName: null,
        MaskedDocument: null, NatResult: null, NatSampledAt: null, NatReportedAt: null, VaccineDoses: null, RiskAreaVisit: null,
        ReceivedAt: DateTimeOffset.UtcNow);
}
