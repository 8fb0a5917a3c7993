using HealthCode.Verifier.Regions;
using HealthCode.Verifier.Tests.Support;

namespace HealthCode.Verifier.Tests.Regions;

public sealed class RegionIdsTests
{
    [TestCase("440300", new[] { "440300", "440000", "000000" })]
    [TestCase("440000", new[] { "440000", "000000" })]
    [TestCase("000000", new[] { "000000" })]
    [TestCase("001234", new[] { "001234", "000000" })]
    public void Fallback_goes_region_then_province_then_nation(string region, string[] chain)
    {
        Assert.That(RegionIds.FallbackChain(region), Is.EqualTo(chain));
        var (first, then, last) = RegionIds.Chain(region);
        Assert.That(new[] { first, then, last }.OfType<string>(), Is.EqualTo(chain), "the chain without a list");
    }

    [TestCase(null, false)]
    [TestCase("", false)]
    [TestCase("44030", false)]
    [TestCase("4403000", false)]
    [TestCase("44030a", false)]
    [TestCase(" 440300", false)]
    [TestCase("４４０３００", false)]
    [TestCase("440300", true)]
    public void Region_id_is_exactly_six_ascii_digits(string? id, bool wellFormed) =>
        Assert.That(RegionIds.IsWellFormed(id), Is.EqualTo(wellFormed));

    [TestCase("440300", true)]
    [TestCase("449999", true)]
    [TestCase("000000", true)]
    [TestCase("120101", false)]
    [TestCase("44030", false)]
    public void Known_region_lies_in_a_province_the_catalogue_has_a_profile_for(string id, bool known) =>
        Assert.That(RegionIds.IsKnown(id, StubRegionCatalog.Standard()), Is.EqualTo(known));

    [Test]
    public void Malformed_id_has_no_province() =>
        Assert.That(() => RegionIds.ProvinceOf("44"), Throws.ArgumentException);
}
