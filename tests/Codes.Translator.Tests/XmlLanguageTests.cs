using HealthCode.Translator.Canonical;
using HealthCode.Translator.Normalization;
using HealthCode.Translator.Tests.Support;

namespace HealthCode.Translator.Tests;

/// <summary>Made-up regions 340000 (default namespace, attributes) and 360000 (prefixed namespaces): XML as integrators send it.</summary>
public sealed class XmlLanguageTests
{
    private static NormalizationResult Anhui(Func<string, string> change) =>
        MadeUpRegions.Normalize(MadeUpRegions.Profile("340000"), change(MadeUpRegions.Sample("340000", "green.xml")));

    [Test]
    public void Attributes_of_nested_elements_are_fields()
    {
        var record = MadeUpRegions.Normalize("340000", "green.xml").Record!;

        Assert.That(record.Person.Document, Is.EqualTo(new DocumentInfo(DocumentTypes.ResidentId, "340104199003070056")));
        Assert.That(record.Code.Value, Is.EqualTo("AH2022031500001234"));
    }

    [Test]
    public void An_element_with_attributes_and_text_has_both_and_the_most_restrictive_level_wins()
    {
        var result = Anhui(x => x.Replace("<Status level=\"G\">", "<Status level=\"R\">"));

        Assert.That((result.Record!.Code.Level, result.Record.Code.NativeLevel), Is.EqualTo((RiskLevel.Red, "绿码")));
        Assert.That(result.Warnings.Select(w => w.Code), Does.Contain(WarningCodes.LevelsDisagree));
    }

    [Test]
    public void Names_come_from_the_namespace_not_the_prefix_the_payload_uses()
    {
        var prefixed = MadeUpRegions.Normalize("360000", "green.xml").Record;
        var defaulted = MadeUpRegions.Normalize("360000", "green-default-namespace.xml").Record;
        var otherPrefix = MadeUpRegions.Normalize(MadeUpRegions.Profile("360000"), MadeUpRegions.Sample("360000", "green.xml").Replace("gt:", "g:").Replace("xmlns:gt", "xmlns:g"));

        Assert.That(defaulted, Is.EqualTo(prefixed));
        Assert.That(otherPrefix.Record, Is.EqualTo(prefixed));
    }

    [Test]
    public void A_payload_in_another_namespace_is_refused_at_the_root()
    {
        var result = Anhui(x => x.Replace("urn:example:anhui:health-code:1", "urn:example:elsewhere"));

        Assert.That(result.Errors["/"].Single(), Does.Contain("{urn:example:elsewhere}HealthCode"));
    }

    [Test]
    public void A_payload_in_no_namespace_is_refused_when_the_profile_binds_a_default_one()
    {
        var result = Anhui(x => x.Replace(" xmlns=\"urn:example:anhui:health-code:1\"", ""));

        Assert.That(result.Errors.Keys, Is.EquivalentTo(new[] { "/" }));
    }

    [Test]
    public void An_element_in_an_unbound_namespace_is_not_read_and_is_reported()
    {
        // One Test only: outside the profile's namespace it is no longer the declared array, and a repeat would be refused.
        var xml = MadeUpRegions.Sample("360000", "green.xml")
            .Replace("xmlns:nat=\"urn:example:jiangxi:nat:1\"", "xmlns:nat=\"urn:example:jiangxi:nat:9\"")
            .Replace("<nat:Test><nat:Result>阳性</nat:Result><nat:SampledAt>2022-03-10 08:00:00</nat:SampledAt></nat:Test>", "");

        var result = MadeUpRegions.Normalize(MadeUpRegions.Profile("360000"), xml);

        Assert.That(result.Record!.Health, Is.Null);
        Assert.That(result.Warnings.Select(w => w.Field), Does.Contain("/{urn:example:jiangxi:nat:9}Tests/{urn:example:jiangxi:nat:9}Test/{urn:example:jiangxi:nat:9}Result"));
    }

    [TestCase("true", true)]
    [TestCase("1", true)]
    [TestCase("false", false)]
    [TestCase("0", false)]
    public void An_xml_boolean_takes_the_xs_boolean_spellings(string text, bool expected)
    {
        var result = Anhui(x => x.Replace("riskArea=\"false\"", $"riskArea=\"{text}\""));

        Assert.That(result.Record!.Health!.Travel!.RiskAreaVisit, Is.EqualTo(expected));
    }

    [Test]
    public void An_xml_boolean_in_another_spelling_is_refused()
    {
        var result = Anhui(x => x.Replace("riskArea=\"false\"", "riskArea=\"no\""));

        Assert.That(result.Errors["/Travel/@riskArea"].Single(), Does.StartWith("must be a boolean"));
    }

    [Test]
    public void Namespaces_are_bound_only_in_xml_profiles()
    {
        var result = MadeUpRegions.ProfileWith("150000", p => p["xmlNamespaces"] = new System.Text.Json.Nodes.JsonObject { [""] = "urn:x" });

        Assert.That(result.Paths(), Is.EqualTo(new[] { "xmlNamespaces" }));
    }

    [Test]
    public void One_namespace_bound_to_two_prefixes_is_refused()
    {
        var result = MadeUpRegions.ProfileWith("360000", p => p["xmlNamespaces"]!["other"] = "urn:example:jiangxi:nat:1");

        Assert.That(result.Paths(), Is.EqualTo(new[] { "xmlNamespaces.other" }));
    }

    [Test]
    public void The_xml_prefix_cannot_be_rebound()
    {
        var result = MadeUpRegions.ProfileWith("360000", p => p["xmlNamespaces"]!["xml"] = "urn:example:mine");

        Assert.That(result.Paths(), Is.EqualTo(new[] { "xmlNamespaces.xml" }));
    }
}
