using System.Security.Cryptography;
using HealthCode.Translator.Canonical;
using HealthCode.Translator.Normalization;
using HealthCode.Translator.Profiles;
using HealthCode.Verifier.Ingestion;
using HealthCode.Verifier.Store;
using HealthCode.Verifier.Tests.Support;
using HealthCode.Verifier.Trust;

namespace HealthCode.Verifier.Tests.Trust;

/// <summary>The real consumer, translator and in-memory store, with Zhejiang registering a key and Beijing not.</summary>
public sealed class SignedIngestionTests
{
    private const string ZhejiangCode = "ZJPVASQB8L70ZYFDRC5E";
    private const string ZhejiangRedCode = "ZJ8ASPFMXQKT0WTXB552";
    private static readonly DateTimeOffset Now = new(2022, 6, 6, 15, 0, 0, TimeSpan.Zero);
    private static RegionCatalog _catalog = null!;
    private ECDsa _key = null!;
    private TrustFolder _folder = null!;
    private InMemoryStatusStore _store = null!;
    private StatusEventConsumer _consumer = null!;

    [OneTimeSetUp]
    public static void LoadRegions() =>
        _catalog = RegionCatalog.LoadFromDirectory(Path.Combine(TestContext.CurrentContext.TestDirectory, "schemas", "regions"));

    [SetUp]
    public void CreateConsumer()
    {
        _key = TrustFolder.NewKey();
        _folder = new TrustFolder();
        _folder.Write("330000", TrustFolder.Key("zj-1", _key));
        var clock = new ManualClock(Now);
        _store = new InMemoryStatusStore(clock);
        _consumer = Consumers.Create(_store, new Normalizer(), _catalog, clock, new SignatureEventAuthenticator(_folder.Load(), clock));
    }

    [TearDown]
    public void Dispose()
    {
        _folder.Dispose();
        _key.Dispose();
    }

    private static byte[] Fixture(string region, string name) =>
        File.ReadAllBytes(Path.Combine(TestContext.CurrentContext.TestDirectory, "fixtures", "regions", region, name + ".json"));

    private static InboundStatusEvent Event(string region, byte[] body, string? signature, string? keyId) =>
        new(region, region, "7", null, "application/json", body, "m-1", Now, signature, keyId, "test");

    [Test]
    public async Task Signed_event_reaches_the_store()
    {
        var body = Fixture("330000", "green");
        var result = await _consumer.ConsumeAsync(Event("330000", body, EventSigner.Sign(body, _key), "zj-1"));
        Assert.That(result, Has.Property(nameof(ConsumeResult.Status)).EqualTo(ConsumeStatus.Applied));
        Assert.That((await _store.GetAsync("330000", ZhejiangCode)).Entry?.Level, Is.EqualTo(RiskLevel.Green));
    }

    [Test]
    public async Task Refused_event_never_reaches_the_store_and_names_the_signature_reason()
    {
        using var counts = new MeterCounts(null);
        var result = await _consumer.ConsumeAsync(Event("330000", Fixture("330000", "green"), null, null));
        Assert.That(result.Status, Is.EqualTo(ConsumeStatus.Rejected));
        Assert.That(result.ReasonCode, Is.EqualTo(IngestionReasonCodes.SignatureMissing));
        Assert.That((await _store.GetAsync("330000", ZhejiangCode)).Entry, Is.Null);
        Assert.That(counts.RejectedFor(IngestionReasonCodes.SignatureMissing), Is.EqualTo(1));
    }

    [Test]
    public async Task Event_with_another_events_signature_never_reaches_the_store()
    {
        var signature = EventSigner.Sign(Fixture("330000", "green"), _key);
        var result = await _consumer.ConsumeAsync(Event("330000", Fixture("330000", "red"), signature, "zj-1"));
        Assert.That(result.Detail, Does.StartWith(IngestionReasonCodes.SignatureInvalid + ":"));
        Assert.That(result.Detail, Does.Not.Contain(ZhejiangRedCode));
        Assert.That((await _store.GetAsync("330000", ZhejiangRedCode)).Entry, Is.Null);
    }

    [Test]
    public async Task Unsigned_event_of_a_region_without_key_is_applied()
    {
        var body = Fixture("110000", "green");
        Assert.That(await _consumer.ConsumeAsync(Event("110000", body, null, null)), Has.Property(nameof(ConsumeResult.Status)).EqualTo(ConsumeStatus.Applied));
    }

    // v2: region, sequence and kind are signed with the body, so a captured signed event cannot be replayed under a
    // higher sequence or turned into a revoke.
    private static InboundStatusEvent Bound(byte[] body, long sequence, EventKind? kind, string signature) =>
        new("330000", "330000", sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), kind?.ToWire(), "application/json",
            body, "m-" + sequence, Now, signature, "zj-1", "test");

    private string SignBound(long sequence, EventKind kind, byte[] body) =>
        EventSigner.SignBound("330000", new EventSequence(sequence), kind, body, _key);

    [Test]
    public async Task Header_bound_signature_is_accepted()
    {
        var body = Fixture("330000", "green");
        var result = await _consumer.ConsumeAsync(Bound(body, 7, null, SignBound(7, EventKind.Status, body)));

        Assert.That(result.Status, Is.EqualTo(ConsumeStatus.Applied));
        Assert.That((await _store.GetAsync("330000", ZhejiangCode)).Entry?.Sequence, Is.EqualTo(7));
    }

    [Test]
    public async Task Header_bound_signature_replayed_under_a_higher_sequence_is_refused()
    {
        var body = Fixture("330000", "green");
        var signature = SignBound(7, EventKind.Status, body);
        await _consumer.ConsumeAsync(Bound(body, 7, null, signature));

        var replay = await _consumer.ConsumeAsync(Bound(body, 8, null, signature));

        Assert.That(replay.ReasonCode, Is.EqualTo(IngestionReasonCodes.SignatureInvalid));
        Assert.That((await _store.GetAsync("330000", ZhejiangCode)).Entry?.Sequence, Is.EqualTo(7));
    }

    [Test]
    public async Task Header_bound_signature_replayed_as_a_revoke_is_refused()
    {
        var body = Fixture("330000", "green");
        var signature = SignBound(7, EventKind.Status, body);

        var replay = await _consumer.ConsumeAsync(Bound(body, 7, EventKind.Revoke, signature));

        Assert.That(replay.ReasonCode, Is.EqualTo(IngestionReasonCodes.SignatureInvalid));
        Assert.That((await _store.GetAsync("330000", ZhejiangCode)).Entry, Is.Null);
    }

    [Test]
    public async Task Header_bound_revoke_is_accepted()
    {
        var body = Fixture("330000", "green");
        var result = await _consumer.ConsumeAsync(Bound(body, 9, EventKind.Revoke, SignBound(9, EventKind.Revoke, body)));

        Assert.That(result.Status, Is.EqualTo(ConsumeStatus.Applied));
        Assert.That((await _store.GetAsync("330000", ZhejiangCode)).Entry?.Revoked, Is.True);
    }
}
