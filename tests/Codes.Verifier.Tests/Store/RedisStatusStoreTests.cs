using System.Diagnostics;
using HealthCode.Verifier.Store;
using HealthCode.Verifier.Tests.Support;
using StackExchange.Redis;

namespace HealthCode.Verifier.Tests.Store;

[NonParallelizable]
public sealed class RedisStatusStoreTests : StatusStoreContract
{
    private string _prefix = null!;

    protected override IStatusStore CreateStore()
    {
        _prefix = TestRedis.NewPrefix();
        // Generous timeouts: the semantics tests must not fail because something else briefly stalls the shared server.
        return new RedisStatusStore(TestRedis.Connection, new RedisStoreOptions
        {
            KeyPrefix = _prefix,
            ReadTimeout = TimeSpan.FromSeconds(5),
            WriteTimeout = TimeSpan.FromSeconds(5),
        });
    }

    [TearDown]
    public void DeleteKeys() => TestRedis.DeleteUnder(_prefix);

    [Test]
    public async Task Status_value_is_sequence_holder_and_json_in_one_key()
    {
        await Store.ApplyAsync(Entries.Green("330000", "ZJ1", 42, holder: "hk1"), Day);
        var db = TestRedis.Connection.GetDatabase();
        var value = (string?)await db.StringGetAsync($"{_prefix}s:330000:ZJ1");
        Assert.That(value, Does.StartWith("42|hk1|{"));
        Assert.That(await db.SetContainsAsync($"{_prefix}h:hk1", $"{_prefix}s:330000:ZJ1"), Is.True);
    }

    [Test]
    public async Task Ttl_is_set_on_status_and_holder_keys_and_bounded_by_the_request()
    {
        await Store.ApplyAsync(Entries.Green("330000", "ZJ1", 1, holder: "hk1"), TimeSpan.FromHours(2));
        await Store.ApplyAsync(Entries.Green("110000", "BJ1", 1, holder: "hk1"), TimeSpan.FromHours(1));
        var db = TestRedis.Connection.GetDatabase();
        var statusTtl = await db.KeyTimeToLiveAsync($"{_prefix}s:330000:ZJ1");
        var holderTtl = await db.KeyTimeToLiveAsync($"{_prefix}h:hk1");
        Assert.That(statusTtl, Is.Not.Null.And.InRange(TimeSpan.FromHours(2) - TimeSpan.FromSeconds(10), TimeSpan.FromHours(2)));
        // The holder set lives as long as its longest-lived member, no shorter and no longer.
        Assert.That(holderTtl, Is.Not.Null.And.InRange(TimeSpan.FromHours(2) - TimeSpan.FromSeconds(10), TimeSpan.FromHours(2)));
    }

    [Test]
    public async Task Expired_members_are_skipped_and_removed_from_the_holder_set()
    {
        await Store.ApplyAsync(Entries.Green("330000", "ZJ1", 1, holder: "hk1"), Day);
        await Store.ApplyAsync(Entries.Green("110000", "BJ1", 1, holder: "hk1"), Day);
        var db = TestRedis.Connection.GetDatabase();
        await db.KeyDeleteAsync($"{_prefix}s:110000:BJ1");
        var lookup = await Store.GetAsync("330000", "ZJ1");
        Assert.That(lookup.OtherCodesOfHolder, Is.Empty);
        Assert.That(await db.SetLengthAsync($"{_prefix}h:hk1"), Is.EqualTo(1));
    }

    [Test]
    public async Task Noscript_after_script_flush_recovers()
    {
        await Store.ApplyAsync(Entries.Green("330000", "ZJ1", 1), Day);
        await Store.GetAsync("330000", "ZJ1");
        using (var admin = TestRedis.Connect(admin: true))
            await admin.GetServer(admin.GetEndPoints()[0]).ScriptFlushAsync();

        Assert.That(await Store.ApplyAsync(Entries.Green("330000", "ZJ1", 2), Day), Is.EqualTo(ApplyOutcome.Applied));
        using (var admin = TestRedis.Connect(admin: true))
            await admin.GetServer(admin.GetEndPoints()[0]).ScriptFlushAsync();
        Assert.That((await Store.GetAsync("330000", "ZJ1")).Entry!.Sequence, Is.EqualTo(2));
    }

    [Test]
    public async Task Paused_redis_makes_reads_fail_as_unavailable_within_the_deadline()
    {
        await Store.ApplyAsync(Entries.Green("330000", "ZJ1", 1), Day);
        // Long enough to wait out the pause: UNPAUSE itself queues behind it.
        using var admin = TestRedis.Connect(admin: true, syncTimeout: TimeSpan.FromSeconds(5));
        using var own = TestRedis.Connect();
        var store = new RedisStatusStore(own, new RedisStoreOptions { KeyPrefix = _prefix, ReadTimeout = TimeSpan.FromMilliseconds(250) });
        await admin.GetDatabase().ExecuteAsync("CLIENT", "PAUSE", "1500", "ALL");
        try
        {
            var watch = Stopwatch.StartNew();
            Assert.ThrowsAsync<StoreUnavailableException>(() => store.GetAsync("330000", "ZJ1"));
            Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromMilliseconds(1000)));
        }
        finally
        {
            await admin.GetDatabase().ExecuteAsync("CLIENT", "UNPAUSE");
        }
    }

    [Test]
    public async Task Unreachable_redis_connects_without_throwing_and_calls_fail_as_unavailable()
    {
        // Port 1 on loopback: nothing listens, the connect is refused at once.
        using var down = await RedisConnector.ConnectAsync("127.0.0.1:1", TimeSpan.FromMilliseconds(200));
        var store = new RedisStatusStore(down, new RedisStoreOptions { KeyPrefix = _prefix });
        Assert.That(down.IsConnected, Is.False);
        Assert.ThrowsAsync<StoreUnavailableException>(() => store.GetAsync("330000", "ZJ1"));
        Assert.ThrowsAsync<StoreUnavailableException>(() => store.ApplyAsync(Entries.Green("330000", "ZJ1", 1), Day));
        Assert.ThrowsAsync<StoreUnavailableException>(() => store.PingAsync());
    }

    [Test]
    public async Task No_key_or_value_contains_a_full_name_or_document_number()
    {
        // What the consumer stores for 张伟 / 330106198108037021: only the HMAC key and masked forms.
        var keys = Privacy.HolderKeysTests.Keys;
        var entry = Entries.Green("330000", "ZJ1", 1, holder: keys.Compute("resident-id", "330106198108037021")) with
        {
            MaskedName = HealthCode.Verifier.Privacy.Masking.Name("张伟"),
            MaskedDocument = HealthCode.Verifier.Privacy.Masking.Document("330106198108037021"),
        };
        await Store.ApplyAsync(entry, Day);
        var db = TestRedis.Connection.GetDatabase();
        foreach (var key in TestRedis.KeysUnder(_prefix))
        {
            var value = await db.KeyTypeAsync(key) == RedisType.Set
                ? string.Join(",", (await db.SetMembersAsync(key)).Select(m => (string?)m))
                : (string?)await db.StringGetAsync(key);
            foreach (var text in new[] { key, value ?? "" })
            {
                Assert.That(text, Does.Not.Contain("张伟").And.Not.Contain("330106198108037021"));
            }
        }
        Assert.That(TestRedis.KeysUnder(_prefix), Has.Count.EqualTo(2));
    }
}
