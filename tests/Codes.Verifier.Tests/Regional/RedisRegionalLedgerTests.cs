using HealthCode.Verifier.Regional;
using HealthCode.Verifier.Store;
using HealthCode.Verifier.Tests.Support;
using Microsoft.Extensions.Options;

namespace HealthCode.Verifier.Tests.Regional;

/// <summary>The contract against the real Redis (<see cref="TestServers.Redis"/>), keys under a fresh prefix.</summary>
public sealed class RedisRegionalLedgerTests : RegionalLedgerContract
{
    private string _prefix = null!;

    protected override IRegionalLedger CreateLedger(ManualClock clock, RegionalOptions options)
    {
        _prefix = TestRedis.NewPrefix();
        return new RedisRegionalLedger(TestRedis.Connection, new RedisStoreOptions { KeyPrefix = _prefix, ReadTimeout = TimeSpan.FromSeconds(2) },
            Options.Create(options));
    }

    [TearDown]
    public void DeleteKeys() => TestRedis.DeleteUnder(_prefix);

    [Test]
    public async Task Every_key_of_a_region_carries_its_hash_tag_so_each_script_stays_in_one_slot()
    {
        await Ledger.RecordPendingAsync(Zhejiang, "m-1", 1, T0);
        await Ledger.RecordAsync(Zhejiang, Rejected("m-2", T0) with { Snapshot = new HealthCode.Verifier.Ingestion.SnapshotLine("s", 1) });
        await Ledger.RecordAsync(Zhejiang, Decided(EventState.Applied, "m-3", 1, T0) with
        {
            Code = "ZJA",
            Index = CodeIndexChange.Add,
            CodeExpiresAt = T0.AddDays(1),
            PublishedAt = T0,
            LagTag = "m-3",
            Snapshot = new HealthCode.Verifier.Ingestion.SnapshotLine("s", 2),
        });
        var keys = TestRedis.KeysUnder(_prefix);
        Assert.That(keys, Has.Count.EqualTo(8), string.Join(", ", keys));
        Assert.That(keys, Has.All.StartWith(_prefix + "{330000}:"));
    }

    [Test]
    public async Task An_outcome_expires_with_the_retention()
    {
        await Ledger.RecordAsync(Zhejiang, Decided(EventState.Applied, "m-1", 1, T0));
        var ttl = await TestRedis.Connection.GetDatabase().KeyTimeToLiveAsync(((RedisRegionalLedger)Ledger).Keys.Outcome(Zhejiang, "m-1"));
        Assert.That(ttl, Is.EqualTo(TimeSpan.FromDays(7)).Within(TimeSpan.FromMinutes(1)));
    }
}
