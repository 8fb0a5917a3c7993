using System.Security.Cryptography;
using HealthCode.Translator.Normalization;
using HealthCode.Translator.Profiles;
using HealthCode.Verifier.Ingestion;
using HealthCode.Verifier.Store;
using HealthCode.Verifier.Tests.Privacy;
using HealthCode.Verifier.Trust;

namespace HealthCode.Verifier.Tests.Trust;

/// <summary>
/// v2 signatures bind region, sequence and kind to the body, so a captured signed event cannot be replayed under a
/// higher sequence or turned into a revoke. Real consumer, translator and in-memory store; Zhejiang registers a key.
/// </summary>
public sealed class HeaderBoundSignatureTests
{
    private const string ZhejiangCode = "ZJPVASQB8L70ZYFDRC5E";
    private static readonly DateTimeOffset Now = new(2022, 6, 6, 15, 0, 0, TimeSpan.Zero);
    private static RegionCatalog _catalog = null!;
    private ECDsa _key = null!;
    private TrustFolder _folder = null!;
    private InMemoryStatusStore _store = null!;
    private StatusEventConsumer _consumer = null!;
    private byte[] _body = null!;

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
        _consumer = new StatusEventConsumer(_store, new Normalizer(_catalog), _catalog, HolderKeysTests.Keys, clock,
            new SignatureEventAuthenticator(_folder.Load(), clock));
        _body = File.ReadAllBytes(Path.Combine(TestContext.CurrentContext.TestDirectory, "fixtures", "regions", "330000", "green.json"));
    }

    [TearDown]
    public void Dispose()
    {
        _folder.Dispose();
        _key.Dispose();
    }

    private InboundStatusEvent Event(long sequence, string? kind, string signature) =>
        new("330000", "330000", sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), kind, "application/json",
            _body, "m-" + sequence, Now, signature, "zj-1", "test");

    [Test]
    public async Task Header_bound_signature_is_accepted()
    {
        var result = await _consumer.ConsumeAsync(Event(7, null, EventSigner.SignBound("330000", 7, null, _body, _key)));

        Assert.That(result.Status, Is.EqualTo(ConsumeStatus.Applied));
        Assert.That((await _store.GetAsync("330000", ZhejiangCode)).Entry?.Sequence, Is.EqualTo(7));
    }

    [Test]
    public async Task Header_bound_signature_replayed_under_a_higher_sequence_is_refused()
    {
        var signature = EventSigner.SignBound("330000", 7, null, _body, _key);
        await _consumer.ConsumeAsync(Event(7, null, signature));

        var replay = await _consumer.ConsumeAsync(Event(8, null, signature));

        Assert.That(replay.ReasonCode, Is.EqualTo(IngestionReasonCodes.SignatureInvalid));
        Assert.That((await _store.GetAsync("330000", ZhejiangCode)).Entry?.Sequence, Is.EqualTo(7));
    }

    [Test]
    public async Task Header_bound_signature_replayed_as_a_revoke_is_refused()
    {
        var signature = EventSigner.SignBound("330000", 7, null, _body, _key);

        var replay = await _consumer.ConsumeAsync(Event(7, StatusEventConsumer.KindRevoke, signature));

        Assert.That(replay.ReasonCode, Is.EqualTo(IngestionReasonCodes.SignatureInvalid));
        Assert.That((await _store.GetAsync("330000", ZhejiangCode)).Entry, Is.Null);
    }

    [Test]
    public async Task Header_bound_revoke_is_accepted()
    {
        var result = await _consumer.ConsumeAsync(Event(9, StatusEventConsumer.KindRevoke, EventSigner.SignBound("330000", 9, "revoke", _body, _key)));

        Assert.That(result.Status, Is.EqualTo(ConsumeStatus.Applied));
        Assert.That((await _store.GetAsync("330000", ZhejiangCode)).Entry?.Revoked, Is.True);
    }
}
