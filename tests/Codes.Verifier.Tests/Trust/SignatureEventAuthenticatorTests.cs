using System.Security.Cryptography;
using System.Text;
using HealthCode.Verifier.Ingestion;
using HealthCode.Verifier.Tests.Support;
using HealthCode.Verifier.Trust;

namespace HealthCode.Verifier.Tests.Trust;

public sealed class SignatureEventAuthenticatorTests
{
    private static readonly DateTimeOffset Now = new(2022, 6, 10, 8, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"code_content":"ZJ0123456789ABCDEFGH","code_color":"green"}""");
    private ECDsa _old = null!;
    private ECDsa _current = null!;
    private ECDsa _stranger = null!;
    private TrustFolder _folder = null!;
    private ManualClock _clock = null!;
    private SignatureEventAuthenticator _authenticator = null!;

    [SetUp]
    public void RegisterKeys()
    {
        (_old, _current, _stranger) = (TrustFolder.NewKey(), TrustFolder.NewKey(), TrustFolder.NewKey());
        _folder = new TrustFolder();
        // Rotation in progress: zj-2022-01 retires in a week, zj-2022-06 is already valid.
        _folder.Write("330000",
            TrustFolder.Key("zj-2022-01", _old, notAfter: Now.AddDays(7)),
            TrustFolder.Key("zj-2022-06", _current, notBefore: Now.AddDays(-1)));
        _clock = new ManualClock(Now);
        _authenticator = new SignatureEventAuthenticator(_folder.Load(), _clock);
    }

    [TearDown]
    public void Dispose()
    {
        _folder.Dispose();
        _old.Dispose();
        _current.Dispose();
        _stranger.Dispose();
    }

    private static InboundStatusEvent Event(byte[] body, string? signature, string? keyId = null, string region = "330000") =>
        new(region, region, "7", null, "application/json", body, "m-1", null, signature, keyId, "test");

    private async Task<AuthenticationResult> Authenticate(InboundStatusEvent e) =>
        await _authenticator.AuthenticateAsync(e, Envelope(e), CancellationToken.None);

    private static EventEnvelope Envelope(InboundStatusEvent e) =>
        new(StubRegionCatalog.Standard().Find(e.RoutingRegion)!, new EventSequence(7), EventKind.Status);

    private static void AssertRefused(AuthenticationResult result, string reasonCode)
    {
        Assert.That((result.Allowed, result.ReasonCode), Is.EqualTo((false, reasonCode)));
        Assert.That(result.Detail, Does.StartWith(reasonCode + ":"));
    }

    [Test]
    public async Task Valid_signature_is_accepted() =>
        Assert.That(await Authenticate(Event(Body, EventSigner.Sign(Body, _current), "zj-2022-06")), Is.EqualTo(AuthenticationResult.Allow));

    [Test]
    public async Task Valid_signature_without_key_id_is_accepted_by_trying_each_valid_key()
    {
        Assert.That((await Authenticate(Event(Body, EventSigner.Sign(Body, _current)))).Allowed, Is.True);
        Assert.That((await Authenticate(Event(Body, EventSigner.Sign(Body, _old)))).Allowed, Is.True);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("  ")]
    public async Task Unsigned_event_from_region_with_key_is_refused(string? signature) =>
        AssertRefused(await Authenticate(Event(Body, signature, "zj-2022-06")), IngestionReasonCodes.SignatureMissing);

    [Test]
    public async Task Wrong_signature_is_refused() =>
        AssertRefused(await Authenticate(Event(Body, EventSigner.Sign(Body, _stranger), "zj-2022-06")), IngestionReasonCodes.SignatureInvalid);

    [Test]
    public async Task Wrong_signature_without_key_id_is_refused_after_trying_every_valid_key() =>
        AssertRefused(await Authenticate(Event(Body, EventSigner.Sign(Body, _stranger))), IngestionReasonCodes.SignatureInvalid);

    [Test]
    public async Task Signature_over_other_bytes_is_refused()
    {
        var signature = EventSigner.Sign(Body, _current);
        var changed = (byte[])Body.Clone();
        changed[^2] ^= 0x01;
        AssertRefused(await Authenticate(Event(changed, signature, "zj-2022-06")), IngestionReasonCodes.SignatureInvalid);
    }

    [Test]
    public async Task Signature_over_reformatted_json_is_refused()
    {
        // Same JSON value, different bytes: the signature covers the bytes as sent, not a parse of them.
        var signature = EventSigner.Sign(Encoding.UTF8.GetBytes("""{ "code_content": "ZJ0123456789ABCDEFGH", "code_color": "green" }"""), _current);
        AssertRefused(await Authenticate(Event(Body, signature, "zj-2022-06")), IngestionReasonCodes.SignatureInvalid);
    }

    [TestCase("not base64!")]
    [TestCase("AAEC")]
    public async Task Malformed_signature_is_refused(string signature) =>
        AssertRefused(await Authenticate(Event(Body, signature, "zj-2022-06")), IngestionReasonCodes.SignatureInvalid);

    [Test]
    public async Task Oversized_signature_is_refused_without_decoding() =>
        AssertRefused(await Authenticate(Event(Body, Convert.ToBase64String(new byte[1024]), "zj-2022-06")), IngestionReasonCodes.SignatureInvalid);

    [Test]
    public async Task Second_key_after_rotation_is_accepted()
    {
        _clock.Advance(TimeSpan.FromDays(8));
        Assert.That((await Authenticate(Event(Body, EventSigner.Sign(Body, _current), "zj-2022-06"))).Allowed, Is.True);
        AssertRefused(await Authenticate(Event(Body, EventSigner.Sign(Body, _old), "zj-2022-01")), IngestionReasonCodes.KeyNotValid);
    }

    [Test]
    public async Task Unknown_key_id_is_refused()
    {
        var result = await Authenticate(Event(Body, EventSigner.Sign(Body, _current), "zj-2099-01"));
        AssertRefused(result, IngestionReasonCodes.UnknownKeyId);
        Assert.That(result.Detail, Does.Contain("'zj-2099-01'"));
    }

    [Test]
    public async Task Key_id_that_is_not_an_id_is_not_echoed()
    {
        var result = await Authenticate(Event(Body, EventSigner.Sign(Body, _current), "x\nforged log line"));
        AssertRefused(result, IngestionReasonCodes.UnknownKeyId);
        Assert.That(result.Detail, Does.Not.Contain("forged"));
    }

    [Test]
    public async Task Key_id_is_matched_exactly() =>
        AssertRefused(await Authenticate(Event(Body, EventSigner.Sign(Body, _current), "ZJ-2022-06")), IngestionReasonCodes.UnknownKeyId);

    [Test]
    public async Task Expired_key_is_not_used()
    {
        var signature = EventSigner.Sign(Body, _old);
        _clock.Set(Now.AddDays(7)); // notAfter is exclusive
        AssertRefused(await Authenticate(Event(Body, signature, "zj-2022-01")), IngestionReasonCodes.KeyNotValid);
        // Without a key id the expired key is not among those tried either.
        AssertRefused(await Authenticate(Event(Body, signature)), IngestionReasonCodes.SignatureInvalid);
    }

    [Test]
    public async Task Key_is_not_used_before_its_not_before()
    {
        _clock.Set(Now.AddDays(-2));
        AssertRefused(await Authenticate(Event(Body, EventSigner.Sign(Body, _current), "zj-2022-06")), IngestionReasonCodes.KeyNotValid);
    }

    [Test]
    public async Task Region_whose_keys_have_all_expired_still_refuses()
    {
        _folder.Write("330000", TrustFolder.Key("zj-2022-01", _old, notAfter: Now));
        var authenticator = new SignatureEventAuthenticator(_folder.Load(), _clock);
        var e = Event(Body, EventSigner.Sign(Body, _old));
        var result = await authenticator.AuthenticateAsync(e, Envelope(e), CancellationToken.None);
        AssertRefused(result, IngestionReasonCodes.KeyNotValid);
    }

    [Test]
    public async Task Der_signature_from_openssl_is_accepted()
    {
        var der = _current.SignData(Body, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        Assert.That(der[0], Is.EqualTo(0x30));
        Assert.That((await Authenticate(Event(Body, Convert.ToBase64String(der), "zj-2022-06"))).Allowed, Is.True);
        Assert.That((await Authenticate(Event(Body, Convert.ToBase64String(der)))).Allowed, Is.True);
    }

    [Test]
    public async Task Der_signature_by_another_key_is_refused()
    {
        var der = _stranger.SignData(Body, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        AssertRefused(await Authenticate(Event(Body, Convert.ToBase64String(der), "zj-2022-06")), IngestionReasonCodes.SignatureInvalid);
    }

    [Test]
    public async Task Region_without_key_accepts_unsigned_as_the_authenticators_explicit_decision()
    {
        Assert.That(await Authenticate(Event(Body, null, region: "110000")), Is.EqualTo(AuthenticationResult.Unsigned));
        // A signature is not checked either: the region registered nothing to check it against.
        Assert.That((await Authenticate(Event(Body, "garbage", "bj-1", "110000"))).Allowed, Is.True);
    }

    [Test]
    public async Task Refusal_detail_never_quotes_the_body()
    {
        var result = await Authenticate(Event(Body, EventSigner.Sign(Body, _stranger), "zj-2022-06"));
        Assert.That(result.Detail, Does.Not.Contain("ZJ0123456789ABCDEFGH").And.Not.Contain("code_color"));
    }

    [Test]
    public void Signer_produces_base64_P1363_of_64_bytes() =>
        Assert.That(Convert.FromBase64String(EventSigner.Sign(Body, _current)), Has.Length.EqualTo(64));

    [Test]
    public void Signer_refuses_a_non_P256_key()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        Assert.That(() => EventSigner.Sign(Body, p384), Throws.ArgumentException.With.Message.Contains("P-256"));
    }
}
