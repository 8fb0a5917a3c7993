using HealthCode.Translator.Profiles;
using HealthCode.Verifier.Policies;
using HealthCode.Verifier.Regional;
using HealthCode.Verifier.Store;
using HealthCode.Verifier.Tests.Policies;
using HealthCode.Verifier.Tests.Support;
using HealthCode.Verifier.Verification;
using Microsoft.Extensions.Options;

namespace HealthCode.Verifier.Tests.Regional;

/// <summary>
/// A region that declares maxSilence (PT10M here) promises a sign of life at least that often; while it is silent past
/// it, verify answers manual (issuer-silent) for its codes. Fail closed: never spoke, or freshness unknown, is never accept.
/// </summary>
public sealed class IssuerSilenceTests
{
    private const string Zhejiang = "ZJ0123456789ABCDEFGH";
    private const string Beijing = "BJ-0123456789ABCDEF0123";
    private static readonly PolicyCatalog Policies = PolicyCatalog.LoadFromDirectory(PolicyCatalogTests.ShippedFolder);
    private ManualClock _clock = null!;
    private InMemoryRegionalLedger _ledger = null!;
    private VerificationService _service = null!;
    private StubRegionCatalog _regions = null!;
    private InMemoryStatusStore _store = null!;

    [SetUp]
    public async Task Create()
    {
        _clock = new ManualClock(Entries.T0);
        var standard = StubRegionCatalog.Standard();
        _regions = new StubRegionCatalog(standard.All.Select(p => p.Id == "330000" ? StubRegionCatalog.WithMaxSilence(p, "PT10M") : p).ToArray());
        _store = new InMemoryStatusStore(_clock);
        await _store.ApplyAsync(Entries.Green("330000", Zhejiang), TimeSpan.FromDays(2));
        await _store.ApplyAsync(Entries.Green("110000", Beijing), TimeSpan.FromDays(2));
        _ledger = Ledgers.InMemory(_clock);
        _service = Service(_ledger);
    }

    private VerificationService Service(IRegionalLedger ledger) =>
        new(_store, ledger, _regions, Policies, _clock, Options.Create(new VerificationOptions()));

    private async Task<VerifyResponse> Verify(string code, VerificationService? service = null) =>
        (await (service ?? _service).VerifyAsync(new VerifyRequest(code, new CheckpointInfo("330100", "general", null), null))).Response!;

    private Task Heartbeat(long sequence) => _ledger.RecordAsync("330000",
        new LedgerEntry { State = EventState.Applied, Heartbeat = true, Sequence = sequence, DecidedAt = _clock.GetUtcNow() });

    [Test]
    public async Task A_region_that_promised_a_budget_and_never_spoke_is_silent()
    {
        var r = await Verify(Zhejiang);
        Assert.That((r.Decision, r.Reasons), Is.EqualTo((Decision.Manual, new[] { ReasonCodes.IssuerSilent })));
    }

    [Test]
    public async Task A_heartbeat_keeps_verify_deciding_until_the_budget_expires_then_manual_until_the_region_speaks_again()
    {
        await Heartbeat(1);
        Assert.That((await Verify(Zhejiang)).Decision, Is.EqualTo(Decision.Accept));

        _clock.Advance(TimeSpan.FromMinutes(10));
        Assert.That((await Verify(Zhejiang)).Decision, Is.EqualTo(Decision.Accept), "exactly at the budget is not past it");

        _clock.Advance(TimeSpan.FromSeconds(1));
        var silent = await Verify(Zhejiang);
        Assert.That((silent.Decision, silent.Reasons), Is.EqualTo((Decision.Manual, new[] { ReasonCodes.IssuerSilent })));
        Assert.That(silent.Level, Is.EqualTo(Translator.Canonical.RiskLevel.Green), "the status is still shown; it is just not trusted alone");

        await Heartbeat(2);
        Assert.That((await Verify(Zhejiang)).Decision, Is.EqualTo(Decision.Accept));
    }

    [Test]
    public async Task Any_accepted_event_of_the_region_counts_as_a_sign_of_life()
    {
        await _ledger.RecordAsync("330000", new LedgerEntry { State = EventState.Duplicate, Alive = true, Sequence = 1, DecidedAt = _clock.GetUtcNow() });
        Assert.That((await Verify(Zhejiang)).Decision, Is.EqualTo(Decision.Accept));
    }

    [Test]
    public async Task A_replayed_old_heartbeat_sequence_proves_nothing()
    {
        await Heartbeat(50);
        _clock.Advance(TimeSpan.FromMinutes(11));
        await Heartbeat(50);
        await Heartbeat(49);
        Assert.That((await Verify(Zhejiang)).Reasons, Is.EqualTo(new[] { ReasonCodes.IssuerSilent }));
    }

    [Test]
    public async Task Freshness_that_cannot_be_read_is_store_unavailable_never_accept()
    {
        var service = Service(new UnansweringLedger(_ledger));
        var r = await Verify(Zhejiang, service);
        Assert.That((r.Decision, r.Reasons), Is.EqualTo((Decision.Manual, new[] { ReasonCodes.StoreUnavailable })));
    }

    [Test]
    public async Task A_region_without_a_budget_is_never_judged_silent_and_its_freshness_is_not_even_read()
    {
        var service = Service(new UnansweringLedger(_ledger));
        Assert.That((await Verify(Beijing, service)).Decision, Is.Not.EqualTo(Decision.Manual));
    }

    [Test]
    public void Issuer_silent_is_a_stable_manual_reason() =>
        Assert.That((ReasonCodes.All.Contains(ReasonCodes.IssuerSilent), ReasonCodes.ManualClass.Contains("issuer-silent")), Is.EqualTo((true, true)));

    [TestCase("PT10M", 600)]
    [TestCase("P1DT2H", 93600)]
    [TestCase("nonsense", 0)]
    public void The_budget_is_the_profiles_duration_and_an_unreadable_one_counts_as_zero(string maxSilence, int seconds) =>
        Assert.That(SilenceBudget.Parse(maxSilence), Is.EqualTo(TimeSpan.FromSeconds(seconds)));

    /// <summary>A ledger whose freshness read never answers; everything else delegates.</summary>
    private sealed class UnansweringLedger(IRegionalLedger inner) : IRegionalLedger
    {
        public Task<RegionSigns> GetSignsAsync(string region, CancellationToken cancellationToken = default) =>
            Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(_ => RegionSigns.None, TaskScheduler.Default);
        public Task RecordPendingAsync(string region, string messageId, long sequence, DateTimeOffset receivedAt, CancellationToken cancellationToken = default) =>
            inner.RecordPendingAsync(region, messageId, sequence, receivedAt, cancellationToken);
        public Task ForgetPendingAsync(string region, string messageId, CancellationToken cancellationToken = default) => inner.ForgetPendingAsync(region, messageId, cancellationToken);
        public Task<EventState> RecordAsync(string region, LedgerEntry entry, CancellationToken cancellationToken = default) => inner.RecordAsync(region, entry, cancellationToken);
        public Task<EventOutcome?> GetOutcomeAsync(string region, string messageId, CancellationToken cancellationToken = default) => inner.GetOutcomeAsync(region, messageId, cancellationToken);
        public Task<RejectionPage> ReadRejectionsAsync(string region, RejectionCursor after, int limit, CancellationToken cancellationToken = default) =>
            inner.ReadRejectionsAsync(region, after, limit, cancellationToken);
        public Task<LagSummary> GetLagAsync(string region, DateTimeOffset now, CancellationToken cancellationToken = default) => inner.GetLagAsync(region, now, cancellationToken);
        public Task MarkSeenAsync(string region, string snapshotId, string code, CancellationToken cancellationToken = default) => inner.MarkSeenAsync(region, snapshotId, code, cancellationToken);
        public Task<UnlistedPage> FindUnlistedAsync(string region, string snapshotId, string cursor, DateTimeOffset now, CancellationToken cancellationToken = default) =>
            inner.FindUnlistedAsync(region, snapshotId, cursor, now, cancellationToken);
        public Task DropSeenAsync(string region, string snapshotId, CancellationToken cancellationToken = default) => inner.DropSeenAsync(region, snapshotId, cancellationToken);
    }
}
