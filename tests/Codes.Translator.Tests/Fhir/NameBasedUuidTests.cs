using HealthCode.Translator.Fhir;
using NUnit.Framework;

namespace HealthCode.Translator.Tests.Fhir;

[TestFixture]
public sealed class NameBasedUuidTests
{
    [Test]
    public void MatchesTheRfcVersion5Vector()
    {
        // RFC 9562 / Python uuid.uuid5(NAMESPACE_DNS, "www.example.com").
        var dns = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

        Assert.That(NameBasedUuid.Create(dns, "www.example.com"), Is.EqualTo(new Guid("2ed6657d-e927-568b-95e1-2665a8aea6a2")));
    }
}
