using System.Diagnostics.Metrics;
using System.Text;
using System.Text.Json;
using HealthCode.Translator.Canonical;
using HealthCode.Translator.Normalization;
using HealthCode.Verifier.Ingestion;
using HealthCode.Verifier.Policies;
using HealthCode.Verifier.Privacy;
using HealthCode.Verifier.Store;
using HealthCode.Verifier.Tests.Policies;
using HealthCode.Verifier.Tests.Privacy;
using HealthCode.Verifier.Tests.Support;
using HealthCode.Verifier.Verification;
using Microsoft.Extensions.Options;

namespace HealthCode.Verifier.Tests.Ingestion;

public sealed class StatusEventConsumerTests
{
    private const string Code = "ZJ0123456789ABCDEFGH";
    private ManualClock _clock = null!;
    private InMemoryStatusStore _store = null!;
    private FakeNormalizer _normalizer = null!;
    private StatusEventConsumer _consumer = null!;

    [SetUp]
    public void CreateConsumer()
    {
        _clock = new ManualClock(Entries.T0);
        _store = new InMemoryStatusStore(_clock);
        _normalizer = new FakeNormalizer { Record = FakeNormalizer.Zhejiang(Code, Entries.T0 - TimeSpan.FromHours(2)) };
        _consumer = Consumers.Create(_store, _normalizer, StubRegionCatalog.Standard(), _clock);
    }

    private static InboundStatusEvent Event(string sequence = "7", string? kind = null, string routing = "330000", string? header = "330000",
        string body = "{}", DateTimeOffset? timestamp = null) =>
        new(routing, header, sequence, kind, "application/json", Encoding.UTF8.GetBytes(body), "m-1", timestamp, null, null, "test");

    [Test]
    public async Task Status_event_is_applied_with_holder_key_and_masked_forms_only()
    {
        var result = await _consumer.ConsumeAsync(Event());
        var entry = (await _store.GetAsync("330000", Code)).Entry!;
        Assert.That(result, Has.Property(nameof(ConsumeResult.Status)).EqualTo(ConsumeStatus.Applied));
        Assert.That((entry.Sequence, entry.Level, entry.Revoked), Is.EqualTo((7L, RiskLevel.Green, false)));
        Assert.That(entry.HolderKey, Is.EqualTo(HolderKeysTests.Keys.Compute("resident-id", "330106198108037021")));
        Assert.That((entry.MaskedName, entry.MaskedDocument), Is.EqualTo(("张*", "3301**********7021")));
        Assert.That((entry.NatResult, entry.VaccineDoses, entry.RiskAreaVisit), Is.EqualTo(("negative", (int?)3, (bool?)false)));
        Assert.That(JsonSerializer.Serialize(entry), Does.Not.Contain("张伟").And.Not.Contain("330106198108037021"));
    }

    [Test]
    public async Task An_equal_sequence_is_a_duplicate_and_an_older_one_superseded()
    {
        using var counts = new MeterCounts(null);
        await _consumer.ConsumeAsync(Event("7"));
        Assert.That(await _consumer.ConsumeAsync(Event("7")), Has.Property(nameof(ConsumeResult.Status)).EqualTo(ConsumeStatus.Duplicate));
        Assert.That(await _consumer.ConsumeAsync(Event("3")), Has.Property(nameof(ConsumeResult.Status)).EqualTo(ConsumeStatus.Superseded));
        Assert.That((counts.Applied, counts.Duplicate, counts.Superseded), Is.EqualTo((1L, 1L, 1L)));
    }

    [TestCase(null, "region-mismatch")]
    [TestCase("110000", "region-mismatch")]
    public async Task Header_region_must_equal_routing_region(string? header, string reason) =>
        Assert.That((await _consumer.ConsumeAsync(Event(header: header))).ReasonCode, Is.EqualTo(reason));

    [Test]
    public async Task Unknown_region_is_rejected() =>
        Assert.That((await _consumer.ConsumeAsync(Event(routing: "123400", header: "123400"))).ReasonCode, Is.EqualTo(IngestionReasonCodes.UnknownRegion));

    [TestCase(null)]
    [TestCase("")]
    [TestCase("0")]
    [TestCase("-5")]
    [TestCase("+5")]
    [TestCase(" 5")]
    [TestCase("1.5")]
    [TestCase("9223372036854775808")]
    public async Task Sequence_must_be_a_positive_int64(string? sequence)
    {
        Assert.That((await _consumer.ConsumeAsync(Event(sequence!))).ReasonCode, Is.EqualTo(IngestionReasonCodes.BadSequence));
        Assert.That(_normalizer.Calls, Is.Zero);
    }

    [Test]
    public async Task Kind_must_be_status_or_revoke()
    {
        Assert.That((await _consumer.ConsumeAsync(Event(kind: "delete"))).ReasonCode, Is.EqualTo(IngestionReasonCodes.BadKind));
        Assert.That((await _consumer.ConsumeAsync(Event(kind: "status"))).Status, Is.EqualTo(ConsumeStatus.Applied));
    }

    [Test]
    public async Task Authenticator_refusal_rejects_before_normalization()
    {
        var consumer = Consumers.Create(_store, _normalizer, StubRegionCatalog.Standard(), _clock, new RefuseAll());
        var result = await consumer.ConsumeAsync(Event());
        Assert.That(result.ReasonCode, Is.EqualTo(IngestionReasonCodes.Unauthenticated));
        Assert.That(_normalizer.Calls, Is.Zero);
    }

    [Test]
    public async Task Normalization_failure_names_fields_but_never_values()
    {
        _normalizer.Failure = new NormalizationResult(null, [], FailureKind.Invalid, "cert_no '330106198108037021' is not valid",
            new Dictionary<string, string[]> { ["/cert_no"] = ["'330106198108037021' fails the check digit"], ["/user_name"] = ["张伟 too long"] });
        using var counts = new MeterCounts(null);
        var result = await _consumer.ConsumeAsync(Event());
        Assert.That(result.ReasonCode, Is.EqualTo(IngestionReasonCodes.NormalizationFailed));
        Assert.That(result.Detail, Does.Contain("/cert_no").And.Contain("/user_name"));
        Assert.That(result.Detail, Does.Not.Contain("330106198108037021").And.Not.Contain("张伟"));
        Assert.That(counts.RejectedFor(IngestionReasonCodes.NormalizationFailed), Is.EqualTo(1));
    }

    [Test]
    public async Task Record_from_another_issuer_is_rejected()
    {
        _normalizer.Record = _normalizer.Record! with { Issuer = "110000" };
        Assert.That((await _consumer.ConsumeAsync(Event())).ReasonCode, Is.EqualTo(IngestionReasonCodes.IssuerMismatch));
        _normalizer.Record = FakeNormalizer.Zhejiang("BJ-0123456789ABCDEF0123", Entries.T0);
        Assert.That((await _consumer.ConsumeAsync(Event())).ReasonCode, Is.EqualTo(IngestionReasonCodes.IssuerMismatch));
    }

    [Test]
    public async Task Normalizer_gets_the_clock_and_the_event_timestamp()
    {
        var stamp = Entries.T0 - TimeSpan.FromMinutes(3);
        await _consumer.ConsumeAsync(Event(timestamp: stamp));
        Assert.That(_normalizer.LastContext, Is.EqualTo(new NormalizationContext(Entries.T0, stamp)));
    }

    [Test]
    public async Task Ttl_runs_until_the_status_goes_stale_plus_retention()
    {
        // Status set 2 h ago, Zhejiang max age 24 h: stale in 22 h, kept 7 days more.
        await _consumer.ConsumeAsync(Event());
        _clock.Advance(TimeSpan.FromHours(22) + TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1));
        Assert.That((await _store.GetAsync("330000", Code)).Entry, Is.Not.Null);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.That((await _store.GetAsync("330000", Code)).Entry, Is.Null);
    }

    [Test]
    public async Task Already_stale_status_is_kept_for_the_retention_only()
    {
        _normalizer.Record = FakeNormalizer.Zhejiang(Code, Entries.T0 - TimeSpan.FromDays(3));
        var consumer = Consumers.Create(_store, _normalizer, StubRegionCatalog.Standard(), _clock,
            options: new IngestionOptions { Retention = TimeSpan.FromHours(1) });
        await consumer.ConsumeAsync(Event());
        _clock.Advance(TimeSpan.FromHours(1));
        Assert.That((await _store.GetAsync("330000", Code)).Entry, Is.Null);
    }

    [Test]
    public async Task Revoke_stores_a_tombstone_with_its_sequence()
    {
        await _consumer.ConsumeAsync(Event("7"));
        var result = await _consumer.ConsumeAsync(Event("8", kind: "revoke", body: Code));
        var entry = (await _store.GetAsync("330000", Code)).Entry!;
        Assert.That(result, Has.Property(nameof(ConsumeResult.Status)).EqualTo(ConsumeStatus.Applied));
        Assert.That((entry.Sequence, entry.Revoked, entry.Level, entry.HolderKey), Is.EqualTo((8L, true, RiskLevel.Unknown, (string?)null)));
        Assert.That(await _consumer.ConsumeAsync(Event("7")), Has.Property(nameof(ConsumeResult.Status)).EqualTo(ConsumeStatus.Superseded));
        Assert.That((await _consumer.ConsumeAsync(Event("9"))).Status, Is.EqualTo(ConsumeStatus.Applied));
    }

    [Test]
    public async Task Revoke_with_unreadable_code_is_rejected()
    {
        _normalizer.CodeValue = new CodeValueResult(null, FailureKind.Malformed, "bad json", new Dictionary<string, string[]>());
        var result = await _consumer.ConsumeAsync(Event(kind: "revoke"));
        Assert.That((result.ReasonCode, result.Detail), Is.EqualTo((IngestionReasonCodes.NormalizationFailed, "malformed")));
    }

    [Test]
    public void Store_unavailable_propagates_and_is_counted()
    {
        var consumer = Consumers.Create(new DownStore(), _normalizer, StubRegionCatalog.Standard(), _clock);
        using var counts = new MeterCounts(null);
        Assert.ThrowsAsync<StoreUnavailableException>(() => consumer.ConsumeAsync(Event()));
        Assert.That(counts.StoreFailures, Is.EqualTo(1));
    }

    [Test]
    public async Task Outcomes_are_published_on_the_ingestion_meter()
    {
        var seen = new List<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == IngestionMetrics.MeterName) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            foreach (var tag in tags) if (tag.Key == "outcome") seen.Add((string)tag.Value!);
        });
        listener.Start();
        await _consumer.ConsumeAsync(Event("2"));
        await _consumer.ConsumeAsync(Event("2"));
        await _consumer.ConsumeAsync(Event("1"));
        await _consumer.ConsumeAsync(Event("x"));
        Assert.That(seen, Is.SupersetOf(new[] { "applied", "duplicate", "superseded", "rejected" }));
    }

    [Test]
    public async Task Response_never_contains_full_name_or_document_number()
    {
        await _consumer.ConsumeAsync(Event());
        var service = new VerificationService(_store, Ledgers.InMemory(_clock), StubRegionCatalog.Standard(), PolicyCatalog.LoadFromDirectory(PolicyCatalogTests.ShippedFolder), _clock,
            Options.Create(new VerificationOptions()));
        var outcome = await service.VerifyAsync(new VerifyRequest(Code, new CheckpointInfo("330100", "general", "gate-1"), null));
        var json = JsonSerializer.Serialize(outcome.Response, new JsonSerializerOptions(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.That(outcome.Response!.Decision, Is.EqualTo(Decision.Accept));
        Assert.That(json, Does.Contain("张*").And.Contain("3301**********7021"));
        Assert.That(json, Does.Not.Contain("张伟").And.Not.Contain("330106198108037021"));
    }

    private sealed class RefuseAll : IEventAuthenticator
    {
        public ValueTask<AuthenticationResult> AuthenticateAsync(InboundStatusEvent statusEvent, EventEnvelope envelope, CancellationToken cancellationToken) =>
            ValueTask.FromResult(AuthenticationResult.Refuse("no signature"));
    }

    private sealed class DownStore : IStatusStore
    {
        public Task<ApplyOutcome> ApplyAsync(StatusEntry entry, TimeSpan timeToLive, CancellationToken cancellationToken = default) =>
            throw new StoreUnavailableException("down");
        public Task<StatusLookup> GetAsync(string issuer, string code, CancellationToken cancellationToken = default) =>
            throw new StoreUnavailableException("down");
        public Task PingAsync(CancellationToken cancellationToken = default) => throw new StoreUnavailableException("down");
    }
}
