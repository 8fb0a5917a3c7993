using HealthCode.Verifier.Privacy;

namespace HealthCode.Verifier.Tests.Privacy;

public sealed class HolderKeysTests
{
    public static readonly HolderKeys Keys = HolderKeys.FromSecret("test-secret-of-sufficient-length");

    [Test]
    public void Holder_key_is_a_128_bit_base64url_hmac()
    {
        var key = Keys.Compute("resident-id", "330106198108037021");
        Assert.That(key, Has.Length.EqualTo(22).And.Match("^[A-Za-z0-9_-]+$"));
        Assert.That(key, Does.Not.Contain("330106"));
    }

    [Test]
    public void Same_document_gives_the_same_key_and_another_type_or_secret_does_not()
    {
        var key = Keys.Compute("resident-id", "330106198108037021");
        Assert.That(Keys.Compute("resident-id", "330106198108037021"), Is.EqualTo(key));
        Assert.That(Keys.Compute("passport", "330106198108037021"), Is.Not.EqualTo(key));
        Assert.That(HolderKeys.FromSecret("another-secret-of-enough-length").Compute("resident-id", "330106198108037021"), Is.Not.EqualTo(key));
    }

    [Test]
    public void Short_secret_is_refused() =>
        Assert.Throws<ArgumentException>(() => HolderKeys.FromSecret("short"));
}
