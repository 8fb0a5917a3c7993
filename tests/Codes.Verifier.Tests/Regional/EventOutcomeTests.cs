using System.Text;
using HealthCode.Translator.Normalization;
using HealthCode.Verifier.Ingestion;
using HealthCode.Verifier.Regional;
using HealthCode.Verifier.Store;
using HealthCode.Verifier.Tests.Ingestion;
using HealthCode.Verifier.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HealthCode.Verifier.Tests.Regional;

/// <summary>The one path writes every event's outcome: the pipeline's recorder, after the consumer decided.</summary>
public sealed class EventOutcomeTests
{
    private const string Code = "ZJ0123456789ABCDEFGH";
    private ManualClock _clock = null!;
    private FakeNormalizer _normalizer = null!;
    private InMemoryRegionalLedger _ledger = null!;
    private IngestionPipeline _pipeline = null!;

    [SetUp]
    public void CreatePipeline()
    {
        _clock = new ManualClock(Entries.T0);
        _normalizer = new FakeNormalizer { Record = FakeNormalizer.Zhejiang(Code, Entries.T0 - TimeSpan.FromHours(2)) };
        _ledger = Ledgers.InMemory(_clock);
        var regions = StubRegionCatalog.Standard();
        _pipeline = new IngestionPipeline(Consumers.Create(new InMemoryStatusStore(_clock), _normalizer, regions, _clock),
            Consumers.Recorder(_ledger, regions, _clock), [], Options.Create(new IngestionOptions()), _clock, NullLogger<IngestionPipeline>.Instance);
    }

    private static InboundStatusEvent Event(string messageId, string? sequence, string? kind = null, string routing = "330000", string body = Code) =>
        new(routing, routing, sequence, kind, "application/json", Encoding.UTF8.GetBytes(body), messageId, Entries.T0, null, null, "test");

    private async Task<EventOutcome?> Consume(InboundStatusEvent e)
    {
        await _pipeline.ConsumeAsync(e, CancellationToken.None);
        return await _ledger.GetOutcomeAsync(e.RoutingRegion, e.MessageId!);
    }

    [Test]
    public async Task Each_event_gets_its_state_applied_duplicate_superseded()
    {
        Assert.That((await Consume(Event("a", "7")))!.State, Is.EqualTo(EventState.Applied));
        Assert.That((await Consume(Event("b", "7")))!.State, Is.EqualTo(EventState.Duplicate));
        Assert.That((await Consume(Event("c", "3")))!.State, Is.EqualTo(EventState.Superseded));
        var applied = (await _ledger.GetOutcomeAsync("330000", "a"))!;
        Assert.That((applied.Sequence, applied.ReceivedAt, applied.DecidedAt, applied.Reason), Is.EqualTo(((long?)7, Entries.T0, (DateTimeOffset?)Entries.T0, (string?)null)));
    }

    [Test]
    public async Task A_refused_event_is_rejected_with_its_reason_and_native_field_pointers_and_fed()
    {
        _normalizer.Failure = new NormalizationResult(null, [], FailureKind.Invalid, "cert_no is not valid",
            new Dictionary<string, string[]> { ["/cert_no"] = ["not a resident id"], ["/code_color"] = ["unknown"] });
        var outcome = (await Consume(Event("d", "8")))!;
        Assert.That((outcome.State, outcome.Reason, outcome.Fields), Is.EqualTo((EventState.Rejected, "normalization-failed", new[] { "/cert_no", "/code_color" })));
        Assert.That(outcome.Detail, Does.Not.Contain("330106"));
        var fed = (await _ledger.ReadRejectionsAsync("330000", RejectionCursor.Start, 10)).Items.Single();
        Assert.That((fed.MessageId, fed.Reason, fed.Sequence), Is.EqualTo(("d", "normalization-failed", (long?)8)));
    }

    [Test]
    public async Task An_unreadable_sequence_is_rejected_with_no_sequence()
    {
        var outcome = (await Consume(Event("e", "not-a-number")))!;
        Assert.That((outcome.State, outcome.Reason, outcome.Sequence), Is.EqualTo((EventState.Rejected, "bad-sequence", (long?)null)));
    }

    [Test]
    public async Task A_heartbeat_is_applied_once_per_higher_sequence()
    {
        var first = await _pipeline.ConsumeAsync(Event("h1", "1000", "heartbeat", body: ""), CancellationToken.None);
        var again = await _pipeline.ConsumeAsync(Event("h2", "1000", "heartbeat", body: ""), CancellationToken.None);
        Assert.That((first.Result.Status, again.Result.Status), Is.EqualTo((ConsumeStatus.Applied, ConsumeStatus.Duplicate)));
        Assert.That((await _ledger.GetOutcomeAsync("330000", "h2"))!.State, Is.EqualTo(EventState.Duplicate));
        Assert.That(await _ledger.GetSignsAsync("330000"), Is.EqualTo(new RegionSigns(null, Entries.T0)));
        Assert.That(_normalizer.Calls, Is.Zero, "a heartbeat is never normalized");
    }

    [Test]
    public async Task An_applied_status_joins_the_code_index_and_its_revocation_leaves_it()
    {
        await Consume(Event("s", "7"));
        Assert.That((await _ledger.FindUnlistedAsync("330000", "x", "0", _clock.GetUtcNow())).Codes, Is.EqualTo(new[] { Code }));
        await Consume(Event("r", "8", "revoke"));
        Assert.That((await _ledger.FindUnlistedAsync("330000", "y", "0", _clock.GetUtcNow())).Codes, Is.Empty);
    }

    [Test]
    public async Task A_snapshot_line_keeps_no_outcome_but_marks_its_code_mentioned()
    {
        await Consume(Event("s", "7"));
        await _pipeline.ConsumeAsync(Event("ignored", "7") with { MessageId = null, Snapshot = new SnapshotLine("snap", 1) }, CancellationToken.None);
        Assert.That((await _ledger.FindUnlistedAsync("330000", "snap", "0", _clock.GetUtcNow())).Codes, Is.Empty);
    }

    [Test]
    public async Task An_event_of_an_unknown_region_leaves_no_trace_anyone_could_probe()
    {
        await _pipeline.ConsumeAsync(Event("u", "1", routing: "123400"), CancellationToken.None);
        Assert.That(await _ledger.GetOutcomeAsync("123400", "u"), Is.Null);
    }

    [Test]
    public async Task Pruning_revokes_a_code_at_the_sequence_the_hub_holds_so_the_regions_next_event_still_applies()
    {
        await Consume(Event("s", "7"));
        _clock.Advance(TimeSpan.FromMinutes(1));
        var revoked = await _pipeline.RevokeUnlistedAsync(StubRegionCatalog.Standard().Find("330000")!, Code, _clock.GetUtcNow(), CancellationToken.None);
        Assert.That(revoked.Result.Status, Is.EqualTo(ConsumeStatus.Applied));
        Assert.That((await Consume(Event("t", "7")))!.State, Is.EqualTo(EventState.Duplicate), "the old status does not come back");
        Assert.That((await Consume(Event("u", "8")))!.State, Is.EqualTo(EventState.Applied));
    }

    [Test]
    public async Task Pruning_leaves_a_code_the_region_spoke_about_after_the_snapshot_began()
    {
        var began = _clock.GetUtcNow();
        _clock.Advance(TimeSpan.FromSeconds(1));
        await Consume(Event("s", "7"));
        var outcome = await _pipeline.RevokeUnlistedAsync(StubRegionCatalog.Standard().Find("330000")!, Code, began, CancellationToken.None);
        Assert.That(outcome.Result.Status, Is.EqualTo(ConsumeStatus.Superseded));
    }
}
