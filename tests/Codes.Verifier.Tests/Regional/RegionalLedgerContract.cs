using HealthCode.Verifier.Ingestion;
using HealthCode.Verifier.Regional;
using HealthCode.Verifier.Tests.Support;

namespace HealthCode.Verifier.Tests.Regional;

/// <summary>The semantics every <see cref="IRegionalLedger"/> shares; each ledger runs these against itself.</summary>
public abstract class RegionalLedgerContract
{
    protected const string Zhejiang = "330000";
    protected static readonly DateTimeOffset T0 = Entries.T0;
    protected ManualClock Clock = null!;
    protected IRegionalLedger Ledger = null!;

    protected abstract IRegionalLedger CreateLedger(ManualClock clock, RegionalOptions options);

    [SetUp]
    public void CreateLedgerForTest()
    {
        Clock = new ManualClock(T0);
        Ledger = CreateLedger(Clock, new RegionalOptions { RejectionFeedLength = 100 });
    }

    protected static LedgerEntry Decided(EventState state, string? messageId, long? sequence, DateTimeOffset at) =>
        new() { State = state, MessageId = messageId, Sequence = sequence, DecidedAt = at, Alive = state != EventState.Rejected };

    protected static LedgerEntry Rejected(string? messageId, DateTimeOffset at, string reason = "normalization-failed", long? sequence = 4) =>
        Decided(EventState.Rejected, messageId, sequence, at) with { Reason = reason, Detail = "invalid; fields: /tcbh", Fields = ["/tcbh"] };

    [Test]
    public async Task The_first_decision_for_a_message_id_wins_so_a_redelivery_changes_nothing()
    {
        await Ledger.RecordAsync(Zhejiang, Decided(EventState.Applied, "m-1", 5, T0));
        await Ledger.RecordAsync(Zhejiang, Decided(EventState.Duplicate, "m-1", 5, T0.AddSeconds(3)));
        var outcome = await Ledger.GetOutcomeAsync(Zhejiang, "m-1");
        Assert.That(outcome, Is.EqualTo(new EventOutcome("m-1", EventState.Applied, null, null, null, 5, T0, T0)));
    }

    [Test]
    public async Task A_decision_keeps_the_receipt_time_of_its_pending_record()
    {
        await Ledger.RecordPendingAsync(Zhejiang, "m-2", 9, T0);
        Assert.That(await Ledger.GetOutcomeAsync(Zhejiang, "m-2"), Is.EqualTo(new EventOutcome("m-2", EventState.Pending, null, null, null, 9, T0, null)));
        await Ledger.RecordAsync(Zhejiang, Decided(EventState.Superseded, "m-2", 9, T0.AddSeconds(2)));
        Assert.That(await Ledger.GetOutcomeAsync(Zhejiang, "m-2"),
            Is.EqualTo(new EventOutcome("m-2", EventState.Superseded, null, null, null, 9, T0, T0.AddSeconds(2))));
    }

    [Test]
    public async Task Pending_is_written_once_and_forgotten_only_while_still_pending()
    {
        await Ledger.RecordPendingAsync(Zhejiang, "m-3", 1, T0);
        await Ledger.RecordPendingAsync(Zhejiang, "m-3", 2, T0.AddSeconds(1));
        Assert.That((await Ledger.GetOutcomeAsync(Zhejiang, "m-3"))!.Sequence, Is.EqualTo(1));
        await Ledger.ForgetPendingAsync(Zhejiang, "m-3");
        Assert.That(await Ledger.GetOutcomeAsync(Zhejiang, "m-3"), Is.Null);

        await Ledger.RecordAsync(Zhejiang, Decided(EventState.Applied, "m-4", 1, T0));
        await Ledger.ForgetPendingAsync(Zhejiang, "m-4");
        Assert.That((await Ledger.GetOutcomeAsync(Zhejiang, "m-4"))!.State, Is.EqualTo(EventState.Applied));
    }

    [Test]
    public async Task An_outcome_is_found_only_under_its_own_region()
    {
        await Ledger.RecordAsync(Zhejiang, Decided(EventState.Applied, "m-5", 1, T0));
        Assert.That(await Ledger.GetOutcomeAsync("110000", "m-5"), Is.Null);
        Assert.That(await Ledger.GetOutcomeAsync(Zhejiang, "m-5"), Is.Not.Null);
    }

    [Test]
    public async Task A_rejection_keeps_reason_fields_and_sequence_and_is_fed_once_per_message_id()
    {
        await Ledger.RecordAsync(Zhejiang, Rejected("m-6", T0));
        await Ledger.RecordAsync(Zhejiang, Rejected("m-6", T0.AddSeconds(1)));
        var outcome = (await Ledger.GetOutcomeAsync(Zhejiang, "m-6"))!;
        Assert.That((outcome.State, outcome.Reason, outcome.Fields, outcome.Sequence),
            Is.EqualTo((EventState.Rejected, "normalization-failed", new[] { "/tcbh" }, (long?)4)));
        var feed = await Ledger.ReadRejectionsAsync(Zhejiang, RejectionCursor.Start, 10);
        Assert.That(feed.Items.Select(i => (i.MessageId, i.Reason, i.Fields?.Single(), i.Sequence, i.At)),
            Is.EqualTo(new[] { ((string?)"m-6", "normalization-failed", (string?)"/tcbh", (long?)4, T0) }));
        Assert.That(await Ledger.ReadRejectionsAsync("110000", RejectionCursor.Start, 10), Has.Property(nameof(RejectionPage.Items)).Empty);
    }

    [Test]
    public async Task The_feed_pages_oldest_first_and_next_reads_on_from_where_the_page_ended()
    {
        for (var i = 0; i < 7; i++) await Ledger.RecordAsync(Zhejiang, Rejected($"r-{i}", T0.AddMilliseconds(i / 2)));
        var read = new List<string?>();
        var cursor = RejectionCursor.Start;
        var sizes = new List<int>();
        for (var page = 0; page < 4; page++)
        {
            var got = await Ledger.ReadRejectionsAsync(Zhejiang, cursor, 3);
            sizes.Add(got.Items.Count);
            read.AddRange(got.Items.Select(i => i.MessageId));
            Assert.That(RejectionCursor.TryParse(got.Next, out var next), Is.True, got.Next);
            cursor = next!.Value;
        }
        Assert.That(sizes, Is.EqualTo(new[] { 3, 3, 1, 0 }));
        Assert.That(read, Is.EqualTo(Enumerable.Range(0, 7).Select(i => $"r-{i}")));
        await Ledger.RecordAsync(Zhejiang, Rejected("r-7", T0.AddSeconds(1)));
        Assert.That((await Ledger.ReadRejectionsAsync(Zhejiang, cursor, 3)).Items.Select(i => i.MessageId), Is.EqualTo(new[] { "r-7" }));
    }

    [Test]
    public async Task A_snapshot_line_is_fed_with_its_snapshot_and_line_and_keeps_no_outcome()
    {
        await Ledger.RecordAsync(Zhejiang, Rejected(null, T0, IngestionReasonCodes.MalformedLine, null) with { Snapshot = new SnapshotLine("snap-1", 17) });
        var item = (await Ledger.ReadRejectionsAsync(Zhejiang, RejectionCursor.Start, 10)).Items.Single();
        Assert.That((item.MessageId, item.Reason, item.Snapshot, item.Line, item.Sequence),
            Is.EqualTo(((string?)null, "malformed-line", (string?)"snap-1", (long?)17, (long?)null)));
    }

    [Test]
    public async Task A_heartbeat_applies_only_with_a_higher_sequence_than_the_last()
    {
        LedgerEntry Beat(long sequence, int second) => new() { State = EventState.Applied, Heartbeat = true, Sequence = sequence, DecidedAt = T0.AddSeconds(second) };
        Assert.That(await Ledger.RecordAsync(Zhejiang, Beat(100, 1)), Is.EqualTo(EventState.Applied));
        Assert.That(await Ledger.RecordAsync(Zhejiang, Beat(100, 2)), Is.EqualTo(EventState.Duplicate));
        Assert.That(await Ledger.RecordAsync(Zhejiang, Beat(99, 3)), Is.EqualTo(EventState.Superseded));
        Assert.That(await Ledger.GetSignsAsync(Zhejiang), Is.EqualTo(new RegionSigns(null, T0.AddSeconds(1))));
        Assert.That(await Ledger.RecordAsync(Zhejiang, Beat(1000, 4)), Is.EqualTo(EventState.Applied));
        Assert.That((await Ledger.GetSignsAsync(Zhejiang)).LastHeartbeatAt, Is.EqualTo(T0.AddSeconds(4)));
    }

    [Test]
    public async Task Accepted_events_refresh_the_last_event_time_and_rejections_do_not()
    {
        await Ledger.RecordAsync(Zhejiang, Decided(EventState.Superseded, null, 3, T0.AddSeconds(5)));
        await Ledger.RecordAsync(Zhejiang, Rejected(null, T0.AddSeconds(9)));
        Assert.That(await Ledger.GetSignsAsync(Zhejiang), Is.EqualTo(new RegionSigns(T0.AddSeconds(5), null)));
        Assert.That(await Ledger.GetSignsAsync("110000"), Is.EqualTo(RegionSigns.None));
    }

    [Test]
    public async Task Lag_percentiles_cover_the_applied_events_of_the_last_window_only()
    {
        var now = T0.AddHours(1);
        // Outside the 5-minute window: must not count.
        await Ledger.RecordAsync(Zhejiang, Decided(EventState.Applied, null, 1, now.AddMinutes(-6)) with { PublishedAt = now.AddMinutes(-7), LagTag = "old" });
        for (var i = 1; i <= 100; i++)
        {
            var at = now.AddSeconds(-i);
            await Ledger.RecordAsync(Zhejiang, Decided(EventState.Applied, null, i, at) with { PublishedAt = at.AddMilliseconds(-i * 10), LagTag = $"t{i}" });
        }
        // Not applied: no sample.
        await Ledger.RecordAsync(Zhejiang, Decided(EventState.Duplicate, null, 1, now) with { PublishedAt = now.AddSeconds(-30), LagTag = "dup" });
        Assert.That(await Ledger.GetLagAsync(Zhejiang, now), Is.EqualTo(new LagSummary(100, 500, 990, 300)));
    }

    [Test]
    public async Task Unlisted_codes_are_the_live_unrevoked_indexed_codes_no_snapshot_line_mentioned()
    {
        var live = T0.AddDays(2);
        foreach (var code in new[] { "ZJA", "ZJB", "ZJC" })
            await Ledger.RecordAsync(Zhejiang, Decided(EventState.Applied, null, 1, T0) with { Code = code, Index = CodeIndexChange.Add, CodeExpiresAt = live });
        await Ledger.RecordAsync(Zhejiang, Decided(EventState.Applied, null, 1, T0) with { Code = "ZJD", Index = CodeIndexChange.Add, CodeExpiresAt = T0.AddMinutes(1) });
        await Ledger.RecordAsync(Zhejiang, Decided(EventState.Applied, null, 2, T0) with { Code = "ZJC", Index = CodeIndexChange.Remove });
        await Ledger.RecordAsync(Zhejiang, Decided(EventState.Duplicate, null, 1, T0) with { Code = "ZJB", Snapshot = new SnapshotLine("s-1", 1) });

        var missing = new List<string>();
        var cursor = "0";
        UnlistedPage page;
        do
        {
            page = await Ledger.FindUnlistedAsync(Zhejiang, "s-1", cursor, T0.AddHours(1));
            missing.AddRange(page.Codes);
            cursor = page.Cursor;
        }
        while (!page.Done);
        Assert.That(missing, Is.EqualTo(new[] { "ZJA" }));
        await Ledger.DropSeenAsync(Zhejiang, "s-1");
    }

    [Test]
    public async Task A_code_a_refused_line_named_counts_as_mentioned()
    {
        await Ledger.RecordAsync(Zhejiang, Decided(EventState.Applied, null, 1, T0) with { Code = "ZJA", Index = CodeIndexChange.Add, CodeExpiresAt = T0.AddDays(1) });
        await Ledger.MarkSeenAsync(Zhejiang, "s-2", "ZJA");
        var page = await Ledger.FindUnlistedAsync(Zhejiang, "s-2", "0", T0);
        Assert.That((page.Codes, page.Done), Is.EqualTo((Array.Empty<string>(), true)));
    }
}
