using System.Text.Json;
using HealthCode.Translator.Canonical;
using HealthCode.Verifier.Ingestion;
using HealthCode.Verifier.Policies;
using HealthCode.Verifier.Store;
using HealthCode.Verifier.Tests.Ingestion;
using HealthCode.Verifier.Tests.Privacy;
using HealthCode.Verifier.Tests.Support;
using HealthCode.Verifier.Verification;
using Microsoft.Extensions.Options;

namespace HealthCode.Verifier.Tests.Verification;

/// <summary>The pure decision: what dry runs and tools call, and what the store-backed verify ends in.</summary>
public sealed class DecideTests : VerificationFixture
{
    private static readonly CheckpointInfo Gate = new("330100", "general", "gate-1");

    private static string Json(VerifyResponse response) => JsonSerializer.Serialize(response, JsonSerializerOptions.Web);

    private static IEnumerable<TestCaseData> Situations()
    {
        yield return new TestCaseData((Func<StatusEntry, StatusEntry>)(e => e), null).SetName("{m}(green)");
        yield return new TestCaseData((Func<StatusEntry, StatusEntry>)(e => e with { Level = RiskLevel.Yellow }), null).SetName("{m}(yellow)");
        yield return new TestCaseData((Func<StatusEntry, StatusEntry>)(e => e with { StatusAt = e.StatusAt - TimeSpan.FromDays(2) }), null).SetName("{m}(stale)");
        yield return new TestCaseData((Func<StatusEntry, StatusEntry>)(e => e with { Revoked = true, HolderKey = null }), null).SetName("{m}(revoked)");
        yield return new TestCaseData((Func<StatusEntry, StatusEntry>)(e => e), RiskLevel.Red).SetName("{m}(other code red)");
    }

    [TestCaseSource(nameof(Situations))]
    public async Task Decide_answers_exactly_as_verify_does_for_the_same_entries(Func<StatusEntry, StatusEntry> adjust, RiskLevel? otherLevel)
    {
        await Given(Zhejiang, adjust);
        if (otherLevel is { } level) await Given(Beijing, e => e with { Level = level });
        var lookup = await Store.GetAsync("330000", Zhejiang);

        var verified = await Verify(Zhejiang);
        var decided = Service.Decide(lookup.Entry!, lookup.OtherCodesOfHolder, new CheckpointInfo("330100", "general", "gate-1"), Now);

        Assert.That(Json(decided), Is.EqualTo(Json(verified)));
    }

    [Test]
    public void Decide_needs_no_store()
    {
        var service = new VerificationService(new NoStore(), Ledgers.InMemory(Clock), Regions, Policies, Clock, Options.Create(new VerificationOptions()));
        var entry = Entries.Green("330000", Zhejiang) with { StatusAt = Now - TimeSpan.FromHours(1) };
        Assert.That(service.Decide(entry, [], Gate, Now).Decision, Is.EqualTo(Decision.Accept));
    }

    [Test]
    public void Decide_judges_at_the_instant_given_not_the_clock()
    {
        var entry = Entries.Green("330000", Zhejiang) with { StatusAt = Now - TimeSpan.FromHours(1) };
        var later = Service.Decide(entry, [], Gate, Now + TimeSpan.FromDays(2));
        Assert.That((later.Decision, later.CheckedAt, later.Reasons), Is.EqualTo((Decision.Manual, Now + TimeSpan.FromDays(2), new[] { ReasonCodes.StaleStatus })));
    }

    [TestCase("120101", "general")]
    [TestCase("44", "general")]
    [TestCase("330100", "airport")]
    public void Decide_refuses_a_checkpoint_verify_would_refuse(string region, string scene)
    {
        var entry = Entries.Green("330000", Zhejiang);
        Assert.That(() => Service.Decide(entry, [], new CheckpointInfo(region, scene, null), Now),
            Throws.ArgumentException.With.Property(nameof(ArgumentException.ParamName)).EqualTo("checkpoint"));
    }

    [Test]
    public void Decide_refuses_an_entry_whose_issuer_is_not_loaded() =>
        Assert.That(() => Service.Decide(Entries.Green("120000", "TJ1"), [], Gate, Now),
            Throws.ArgumentException.With.Property(nameof(ArgumentException.ParamName)).EqualTo("entry"));

    [Test]
    public void Record_without_a_holder_secret_is_decided_with_masked_holder_only()
    {
        var record = FakeNormalizer.Zhejiang(Zhejiang, Now - TimeSpan.FromHours(1));
        var entry = StatusEntry.FromRecord(record, new EventSequence(3), holderKey: null, receivedAt: Now);

        var response = Service.Decide(entry, [], Gate, Now);

        Assert.That((response.Decision, response.Level, response.Holder), Is.EqualTo((Decision.Accept, RiskLevel.Green, new HolderInfo("张*", "3301**********7021"))));
        Assert.That(Json(response), Does.Not.Contain("张伟").And.Not.Contain("330106198108037021"));
    }

    [Test]
    public void Record_with_holder_keys_links_the_holder_as_ingestion_does()
    {
        var record = FakeNormalizer.Zhejiang(Zhejiang, Now);
        var entry = StatusEntry.FromRecord(record, new EventSequence(3), HolderKeysTests.Keys, Now);
        Assert.That(entry.HolderKey, Is.EqualTo(HolderKeysTests.Keys.Compute("resident-id", "330106198108037021")));
    }

    private sealed class NoStore : IStatusStore
    {
        public Task<ApplyOutcome> ApplyAsync(StatusEntry entry, TimeSpan timeToLive, CancellationToken cancellationToken = default) =>
            throw new AssertionException("Decide touched the store.");
        public Task<StatusLookup> GetAsync(string issuer, string code, CancellationToken cancellationToken = default) =>
            throw new AssertionException("Decide touched the store.");
        public Task PingAsync(CancellationToken cancellationToken = default) => throw new AssertionException("Decide touched the store.");
    }
}
