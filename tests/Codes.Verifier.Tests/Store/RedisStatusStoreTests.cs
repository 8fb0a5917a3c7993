using System.Diagnostics;
using System.Diagnostics.Metrics;
using HealthCode.Testing;
using HealthCode.Translator.Canonical;
using HealthCode.Verifier.Store;
using HealthCode.Verifier.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
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
        return new RedisStatusStore(TestRedis.Connection, Options, TimeProvider.System);
    }

    private RedisStoreOptions Options => new()
    {
        KeyPrefix = _prefix,
        ReadTimeout = TimeSpan.FromSeconds(5),
        WriteTimeout = TimeSpan.FromSeconds(5),
    };

    private StatusKeys Keys => ((RedisStatusStore)Store).Keys;

    private async Task<string> FlagsOf(string issuer, string code)
    {
        var member = StatusKeys.Member(issuer, code);
        var value = (string?)await TestRedis.Connection.GetDatabase().HashGetAsync(Keys.StatusBucket(member), member);
        return value!.Split('|')[2];
    }

    [TearDown]
    public void DeleteKeys() => TestRedis.DeleteUnder(_prefix);

    [Test]
    public async Task Status_value_is_sequence_holder_flags_expiry_and_record_in_one_field_and_the_holder_index_names_the_code()
    {
        await Store.ApplyAsync(Entries.Green("330000", "ZJ1", 42, holder: "hk1"), Day);
        var db = TestRedis.Connection.GetDatabase();
        var value = (byte[]?)await db.HashGetAsync(Keys.StatusBucket("330000:ZJ1"), "330000:ZJ1");
        Assert.That(System.Text.Encoding.ASCII.GetString(value!, 0, 8), Is.EqualTo("42|hk1||"));
        var index = (string?)await db.HashGetAsync(Keys.HolderBucket("hk1"), "hk1");
        Assert.That(index, Does.StartWith("330000:ZJ1,42,0,"));
    }

    [Test]
    public async Task A_code_whose_holder_has_no_other_code_is_not_flagged_so_verify_reads_one_key()
    {
        await Store.ApplyAsync(Entries.Green("330000", "ZJ1", 1, holder: "hk1"), Day);
        Assert.That(await FlagsOf("330000", "ZJ1"), Is.Empty);
    }

    [Test]
    public async Task Both_codes_of_a_holder_are_flagged_whichever_came_first()
    {
        await Store.ApplyAsync(Entries.Green("330000", "ZJ1", 1, holder: "hk1"), Day);
        await Store.ApplyAsync(Entries.Green("110000", "BJ1", 1, holder: "hk1"), Day);
        Assert.That(await FlagsOf("330000", "ZJ1"), Is.EqualTo("m"));
        Assert.That(await FlagsOf("110000", "BJ1"), Is.EqualTo("m"));
    }

    [Test]
    public async Task Every_code_of_holders_written_concurrently_is_flagged_and_sees_its_siblings()
    {
        // 60 holders with 3 codes each, all written at once and twice over: the flag must never be lost to a race.
        var events = (
            from h in Enumerable.Range(0, 60)
            from c in Enumerable.Range(0, 3)
            from s in new[] { 1, 2 }
            select Entries.Green("330000", $"ZJ{h:D3}{c}", s, holder: $"hk{h}")).ToArray();
        new Random(7).Shuffle(events);
        await Task.WhenAll(events.Select(e => Task.Run(() => Store.ApplyAsync(e, Day))));
        for (var h = 0; h < 60; h++)
        {
            for (var c = 0; c < 3; c++)
            {
                Assert.That(await FlagsOf("330000", $"ZJ{h:D3}{c}"), Is.EqualTo("m"), $"holder {h} code {c}");
                Assert.That((await Store.GetAsync("330000", $"ZJ{h:D3}{c}")).OtherCodesOfHolder, Has.Count.EqualTo(2));
            }
        }
    }

    [Test]
    public async Task A_revocation_whose_writer_failed_before_unlinking_frees_the_holders_other_codes_when_retried()
    {
        await Store.ApplyAsync(Entries.Green("330000", "ZJ1", 1, holder: "h1"), Day);
        await Store.ApplyAsync(Entries.Green("110000", "BJ1", 1, holder: "h1") with { Level = RiskLevel.Red }, Day);
        var revocation = Entries.Green("110000", "BJ1", 2, holder: null) with { Revoked = true, Level = RiskLevel.Unknown };
        var failing = new RedisStatusStore(ScriptInterceptor.Failing(TestRedis.Connection, RedisScripts.Unlink), Options, TimeProvider.System);

        Assert.ThrowsAsync<StoreUnavailableException>(() => failing.ApplyAsync(revocation, Day));
        await Store.ApplyAsync(revocation, Day); // the retry

        Assert.That((await Store.GetAsync("330000", "ZJ1")).OtherCodesOfHolder, Is.Empty);
        Assert.That((await Store.GetAsync("110000", "BJ1")).Entry!.Revoked, Is.True);
    }

    [Test]
    public async Task A_move_whose_writer_failed_before_unlinking_leaves_the_first_holder_when_retried()
    {
        await Store.ApplyAsync(Entries.Green("330000", "ZJ1", 1, holder: "h1"), Day);
        await Store.ApplyAsync(Entries.Green("110000", "BJ1", 1, holder: "h1") with { Level = RiskLevel.Red }, Day);
        var move = Entries.Green("110000", "BJ1", 2, holder: "h2") with { Level = RiskLevel.Red };
        var failing = new RedisStatusStore(ScriptInterceptor.Failing(TestRedis.Connection, RedisScripts.Unlink), Options, TimeProvider.System);

        Assert.ThrowsAsync<StoreUnavailableException>(() => failing.ApplyAsync(move, Day));
        Assert.That((await Store.GetAsync("330000", "ZJ1")).OtherCodesOfHolder.Select(e => e.Code), Is.EqualTo(new[] { "BJ1" }),
            "until the move is written the code still restricts its holder");
        await Store.ApplyAsync(move, Day); // the retry

        Assert.That((await Store.GetAsync("330000", "ZJ1")).OtherCodesOfHolder, Is.Empty);
        Assert.That((await Store.GetAsync("110000", "BJ1")).Entry!.HolderKey, Is.EqualTo("h2"));
    }

    [Test]
    public async Task An_older_status_written_while_a_revocation_unlinks_its_code_is_unlinked_too()
    {
        await Store.ApplyAsync(Entries.Green("330000", "ZJ1", 1, holder: "h1"), Day);
        await Store.ApplyAsync(Entries.Green("110000", "BJ1", 5, holder: "h1") with { Level = RiskLevel.Red }, Day);
        var older = Entries.Green("110000", "BJ1", 6, holder: "h1") with { Level = RiskLevel.Red };
        var revocation = Entries.Green("110000", "BJ1", 7, holder: null) with { Revoked = true, Level = RiskLevel.Unknown };
        // The revocation's first unlink lands; then, before its writer goes on, the older event is written whole (it
        // applies over sequence 5 and links the code to h1 again).
        var interleaved = 0;
        var revoking = new RedisStatusStore(ScriptInterceptor.Wrap(TestRedis.Connection, RedisScripts.Unlink, async send =>
        {
            var unlinked = await send();
            if (Interlocked.Increment(ref interleaved) == 1)
                Assert.That(await Store.ApplyAsync(older, Day), Is.EqualTo(ApplyOutcome.Applied), "the older event lands in between");
            return unlinked;
        }), Options, TimeProvider.System);

        Assert.That(await revoking.ApplyAsync(revocation, Day), Is.EqualTo(ApplyOutcome.Applied));

        Assert.That((await Store.GetAsync("330000", "ZJ1")).OtherCodesOfHolder, Is.Empty, "no link of the revoked code is left");
        Assert.That((await Store.GetAsync("110000", "BJ1")).Entry!.Revoked, Is.True);
    }

    [Test]
    public async Task Replica_acks_asked_of_a_master_without_replicas_acknowledge_the_write_counted_unreplicated_and_back_off()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var options = Options with { ReplicaAcks = 1, ReplicaAckTimeout = TimeSpan.FromMilliseconds(50) };
        await using var metrics = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var acks = new ReplicaAcknowledgement(TestRedis.Connect(), options, clock, NullLogger<ReplicaAcknowledgement>.Instance,
            metrics.GetRequiredService<IMeterFactory>());
        var store = new RedisStatusStore(TestRedis.Connection, options, clock, acks);

        Assert.That(await store.ApplyAsync(Entries.Green("330000", "ZJ1", 1, holder: "h1"), Day), Is.EqualTo(ApplyOutcome.Applied));
        Assert.That((acks.Waits, acks.Unreplicated), Is.EqualTo((1L, 1L)), "one WAIT for the one master; no replica answered it");
        Assert.That((await store.GetAsync("330000", "ZJ1")).Entry, Is.Not.Null, "the write stands");

        await store.ApplyAsync(Entries.Green("330000", "ZJ2", 1, holder: "h2"), Day);
        Assert.That((acks.Waits, acks.Unreplicated), Is.EqualTo((1L, 2L)), "the master that came back short is not waited for again at once");

        clock.Advance(TimeSpan.FromSeconds(1));
        await store.ApplyAsync(Entries.Green("330000", "ZJ3", 1, holder: "h3"), Day);
        Assert.That(acks.Waits, Is.EqualTo(2), "after the back-off it is asked again");
    }

    [Test]
    public async Task Status_and_holder_buckets_expire_no_sooner_than_their_longest_lived_member()
    {
        await Store.ApplyAsync(Entries.Green("330000", "ZJ1", 1, holder: "hk1"), TimeSpan.FromHours(2));
        await Store.ApplyAsync(Entries.Green("110000", "BJ1", 1, holder: "hk1"), TimeSpan.FromHours(1));
        var db = TestRedis.Connection.GetDatabase();
        var statusTtl = await db.KeyTimeToLiveAsync(Keys.StatusBucket("330000:ZJ1"));
        var bucketTtl = await db.KeyTimeToLiveAsync(Keys.HolderBucket("hk1"));
        Assert.That(statusTtl, Is.Not.Null.And.GreaterThanOrEqualTo(TimeSpan.FromHours(2) - TimeSpan.FromSeconds(10)));
        Assert.That(bucketTtl, Is.Not.Null.And.GreaterThanOrEqualTo(TimeSpan.FromHours(2) - TimeSpan.FromSeconds(10)));
    }

    [Test]
    public async Task Another_code_whose_status_has_expired_no_longer_restricts_and_leaves_the_index_on_the_next_write()
    {
        var clock = new ManualClock(Entries.T0);
        var store = new RedisStatusStore(TestRedis.Connection, Options, clock);
        await store.ApplyAsync(Entries.Green("330000", "ZJ1", 1, holder: "hk1"), TimeSpan.FromDays(3));
        await store.ApplyAsync(Entries.Green("110000", "BJ1", 1, holder: "hk1") with { Level = RiskLevel.Red }, TimeSpan.FromHours(1));
        clock.Advance(TimeSpan.FromHours(2));

        Assert.That((await store.GetAsync("330000", "ZJ1")).OtherCodesOfHolder, Is.Empty);
        await store.ApplyAsync(Entries.Green("330000", "ZJ1", 2, holder: "hk1"), TimeSpan.FromDays(3));
        var index = (string?)await TestRedis.Connection.GetDatabase().HashGetAsync(Keys.HolderBucket("hk1"), "hk1");
        Assert.That(index, Does.Not.Contain("BJ1"));
    }

    [Test]
    public async Task A_status_past_its_expiry_on_the_injected_clock_reads_as_absent_and_any_sequence_applies_again()
    {
        var clock = new ManualClock(Entries.T0);
        var store = new RedisStatusStore(TestRedis.Connection, Options, clock);
        await store.ApplyAsync(Entries.Green("330000", "ZJ1", 7, holder: "hk1"), TimeSpan.FromHours(1));
        clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));

        Assert.That((await store.GetAsync("330000", "ZJ1")).Entry, Is.Null);
        Assert.That(await store.ApplyAsync(Entries.Green("330000", "ZJ1", 3, holder: "hk1"), Day), Is.EqualTo(ApplyOutcome.Applied));
        Assert.That((await store.GetAsync("330000", "ZJ1")).Entry!.Sequence, Is.EqualTo(3));
    }

    [Test]
    public async Task Writing_to_a_bucket_sweeps_expired_statuses_out_of_it()
    {
        // One bucket of two fields: the sweep's random sample of two is the whole bucket.
        var clock = new ManualClock(Entries.T0);
        var options = Options with { StatusBuckets = 1 };
        var store = new RedisStatusStore(TestRedis.Connection, options, clock);
        await store.ApplyAsync(Entries.Green("330000", "ZJ1", 1), TimeSpan.FromHours(1));
        await store.ApplyAsync(Entries.Green("330000", "ZJ2", 1), Day);
        clock.Advance(TimeSpan.FromHours(2));

        await store.ApplyAsync(Entries.Green("330000", "ZJ2", 2), Day);
        Assert.That(await TestRedis.Connection.GetDatabase().HashExistsAsync(store.Keys.StatusBucket("330000:ZJ1"), "330000:ZJ1"), Is.False);
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
        var store = new RedisStatusStore(own, Options with { ReadTimeout = TimeSpan.FromMilliseconds(250) }, TimeProvider.System);
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
        var store = new RedisStatusStore(down, new RedisStoreOptions { KeyPrefix = _prefix }, TimeProvider.System);
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
            var value = await db.KeyTypeAsync(key) == RedisType.Hash
                ? string.Join(",", (await db.HashGetAllAsync(key)).Select(m => $"{m.Name}={m.Value}"))
                : System.Text.Encoding.UTF8.GetString((byte[])(await db.StringGetAsync(key))!);
            foreach (var text in new[] { key, value ?? "" })
            {
                Assert.That(text, Does.Not.Contain("张伟").And.Not.Contain("330106198108037021"));
            }
        }
        Assert.That(TestRedis.KeysUnder(_prefix), Has.Count.EqualTo(2));
    }
}
