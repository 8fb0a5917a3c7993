using HealthCode.Translator.Canonical;
using HealthCode.Verifier.Ingestion;
using HealthCode.Verifier.Store;
using HealthCode.Verifier.Tests.Support;

namespace HealthCode.Verifier.Tests.Store;

/// <summary>The semantics every <see cref="IStatusStore"/> shares; each store runs these against itself.</summary>
public abstract class StatusStoreContract
{
    protected static readonly TimeSpan Day = TimeSpan.FromDays(1);
    protected IStatusStore Store = null!;

    protected abstract IStatusStore CreateStore();

    [SetUp]
    public void CreateStoreForTest() => Store = CreateStore();

    [Test]
    public async Task A_revocation_of_the_stored_sequence_wins_and_a_replay_of_the_status_does_not_undo_it()
    {
        await Store.ApplyAsync(Entries.Green("330000", "ZJ1", 5), Day);
        var tombstone = StatusEntry.Tombstone("330000", "ZJ1", new EventSequence(5), Entries.T0, Entries.T0);
        Assert.That(await Store.ApplyAsync(tombstone, Day), Is.EqualTo(ApplyOutcome.Applied));
        Assert.That(await Store.ApplyAsync(tombstone, Day), Is.EqualTo(ApplyOutcome.Duplicate));
        Assert.That(await Store.ApplyAsync(Entries.Green("330000", "ZJ1", 5), Day), Is.EqualTo(ApplyOutcome.Duplicate));
        Assert.That((await Store.GetAsync("330000", "ZJ1")).Entry!.Revoked, Is.True);
        Assert.That(await Store.ApplyAsync(Entries.Green("330000", "ZJ1", 6), Day), Is.EqualTo(ApplyOutcome.Applied));
    }

    [Test]
    public async Task Apply_stores_a_new_code()
    {
        var outcome = await Store.ApplyAsync(Entries.Green("330000", "ZJ1", 5), Day);
        var lookup = await Store.GetAsync("330000", "ZJ1");
        Assert.That(outcome, Is.EqualTo(ApplyOutcome.Applied));
        Assert.That(lookup.Entry, Is.EqualTo(Entries.Green("330000", "ZJ1", 5)));
    }

    [Test]
    public async Task Cas_applies_higher_and_ignores_equal_as_duplicate_and_lower_as_superseded()
    {
        Assert.That(await Store.ApplyAsync(Entries.Green("330000", "ZJ1", 5), Day), Is.EqualTo(ApplyOutcome.Applied));
        Assert.That(await Store.ApplyAsync(Entries.Green("330000", "ZJ1", 7) with { Level = RiskLevel.Red }, Day), Is.EqualTo(ApplyOutcome.Applied));
        Assert.That(await Store.ApplyAsync(Entries.Green("330000", "ZJ1", 7) with { Level = RiskLevel.Yellow }, Day), Is.EqualTo(ApplyOutcome.Duplicate));
        Assert.That(await Store.ApplyAsync(Entries.Green("330000", "ZJ1", 3) with { Level = RiskLevel.Yellow }, Day), Is.EqualTo(ApplyOutcome.Superseded));
        var entry = (await Store.GetAsync("330000", "ZJ1")).Entry;
        Assert.That(entry!.Sequence, Is.EqualTo(7));
        Assert.That(entry.Level, Is.EqualTo(RiskLevel.Red));
    }

    [Test]
    public async Task Cas_compares_full_int64_sequences_exactly()
    {
        // Above 2^53 a double cannot tell these apart; the store must.
        const long big = long.MaxValue - 1;
        await Store.ApplyAsync(Entries.Green("330000", "ZJ1", big), Day);
        Assert.That(await Store.ApplyAsync(Entries.Green("330000", "ZJ1", long.MaxValue), Day), Is.EqualTo(ApplyOutcome.Applied));
        Assert.That(await Store.ApplyAsync(Entries.Green("330000", "ZJ1", big), Day), Is.EqualTo(ApplyOutcome.Superseded));
        Assert.That(await Store.ApplyAsync(Entries.Green("330000", "ZJ1", 999_999_999_999), Day), Is.EqualTo(ApplyOutcome.Superseded));
    }

    [Test]
    public async Task Unknown_code_has_no_entry_and_no_others()
    {
        var lookup = await Store.GetAsync("330000", "nope");
        Assert.That(lookup.Entry, Is.Null);
        Assert.That(lookup.OtherCodesOfHolder, Is.Empty);
    }

    [Test]
    public async Task Lookup_returns_the_holders_other_codes()
    {
        await Store.ApplyAsync(Entries.Green("330000", "ZJ1", 1, holder: "h1"), Day);
        await Store.ApplyAsync(Entries.Green("110000", "BJ1", 1, holder: "h1") with { Level = RiskLevel.Red }, Day);
        await Store.ApplyAsync(Entries.Green("440000", "YKM1", 1, holder: "h2"), Day);
        var lookup = await Store.GetAsync("330000", "ZJ1");
        Assert.That(lookup.OtherCodesOfHolder.Select(e => e.Code), Is.EquivalentTo(new[] { "BJ1" }));
        Assert.That(lookup.OtherCodesOfHolder[0].Level, Is.EqualTo(RiskLevel.Red));
    }

    [Test]
    public async Task A_code_that_loses_its_holder_leaves_the_holders_index()
    {
        await Store.ApplyAsync(Entries.Green("330000", "ZJ1", 1, holder: "h1"), Day);
        await Store.ApplyAsync(Entries.Green("110000", "BJ1", 1, holder: "h1"), Day);
        await Store.ApplyAsync(Entries.Green("110000", "BJ1", 2, holder: null) with { Revoked = true, Level = RiskLevel.Unknown }, Day);
        var lookup = await Store.GetAsync("330000", "ZJ1");
        Assert.That(lookup.OtherCodesOfHolder, Is.Empty);
    }

    [Test]
    public async Task A_code_that_moves_to_another_holder_stops_restricting_the_first_and_a_late_event_does_not_bring_it_back()
    {
        await Store.ApplyAsync(Entries.Green("330000", "ZJ1", 1, holder: "h1"), Day);
        await Store.ApplyAsync(Entries.Green("110000", "BJ1", 1, holder: "h1") with { Level = RiskLevel.Red }, Day);
        await Store.ApplyAsync(Entries.Green("110000", "BJ1", 3, holder: "h2") with { Level = RiskLevel.Red }, Day);
        Assert.That(await Store.ApplyAsync(Entries.Green("110000", "BJ1", 2, holder: "h1") with { Level = RiskLevel.Red }, Day),
            Is.EqualTo(ApplyOutcome.Superseded));

        Assert.That((await Store.GetAsync("330000", "ZJ1")).OtherCodesOfHolder, Is.Empty);
        Assert.That((await Store.GetAsync("110000", "BJ1")).OtherCodesOfHolder, Is.Empty);
    }

    [Test]
    public async Task The_other_codes_level_follows_its_highest_sequence()
    {
        await Store.ApplyAsync(Entries.Green("330000", "ZJ1", 1, holder: "h1"), Day);
        await Store.ApplyAsync(Entries.Green("110000", "BJ1", 5, holder: "h1") with { Level = RiskLevel.Red }, Day);
        await Store.ApplyAsync(Entries.Green("110000", "BJ1", 4, holder: "h1"), Day);
        Assert.That((await Store.GetAsync("330000", "ZJ1")).OtherCodesOfHolder.Single().Level, Is.EqualTo(RiskLevel.Red));
        await Store.ApplyAsync(Entries.Green("110000", "BJ1", 6, holder: "h1"), Day);
        Assert.That((await Store.GetAsync("330000", "ZJ1")).OtherCodesOfHolder.Single().Level, Is.EqualTo(RiskLevel.Green));
    }

    [Test]
    public async Task Concurrent_shuffled_duplicated_events_end_in_the_highest_sequence_state()
    {
        const int codes = 100, sequencesPerCode = 6, copies = 2;
        var events = (
            from c in Enumerable.Range(0, codes)
            from s in Enumerable.Range(1, sequencesPerCode)
            from _ in Enumerable.Range(0, copies)
            select Entries.Green("330000", $"ZJ{c:D4}", s, holder: $"h{c % 10}") with { NativeLevel = $"n{s}" }).ToArray();
        Assert.That(events, Has.Length.EqualTo(1200));
        new Random(20220610).Shuffle(events);

        var outcomes = await Task.WhenAll(events.Select(e => Task.Run(() => Store.ApplyAsync(e, Day))));

        Assert.That(outcomes.Count(o => o == ApplyOutcome.Applied), Is.InRange(codes, codes * sequencesPerCode));
        for (var c = 0; c < codes; c++)
        {
            var entry = (await Store.GetAsync("330000", $"ZJ{c:D4}")).Entry;
            Assert.That(entry!.Sequence, Is.EqualTo(sequencesPerCode), $"code {c}");
            Assert.That(entry.NativeLevel, Is.EqualTo($"n{sequencesPerCode}"), $"code {c}");
        }
        Assert.That((await Store.GetAsync("330000", "ZJ0003")).OtherCodesOfHolder, Has.Count.EqualTo(codes / 10 - 1));
    }

    [Test]
    public void Apply_refuses_a_non_positive_ttl_or_sequence()
    {
        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.ApplyAsync(Entries.Green("330000", "ZJ1", 1), TimeSpan.Zero));
        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.ApplyAsync(Entries.Green("330000", "ZJ1", 0), Day));
    }
}
