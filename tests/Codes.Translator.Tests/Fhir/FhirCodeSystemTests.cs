using System.Text.Json.Nodes;
using HealthCode.Translator.Fhir;
using NUnit.Framework;

namespace HealthCode.Translator.Tests.Fhir;

/// <summary>The codings the bundles emit must exist in the CodeSystems published under schemas/fhir/.</summary>
[TestFixture]
public sealed class FhirCodeSystemTests
{
    private static readonly string[] ShippedRegions =
        ["000000", "110000", "310000", "320000", "330000", "420000", "440000", "500000", "510000", "610000", "810000", "820000"];

    private static JsonObject Load(string id) => JsonNode.Parse(File.ReadAllText(
        Path.Combine(TestContext.CurrentContext.TestDirectory, "schemas", "fhir", $"CodeSystem-{id}.json")))!.AsObject();

    private static HashSet<string> Codes(JsonObject codeSystem) =>
        codeSystem["concept"]!.AsArray().Select(c => c!["code"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);

    [Test]
    public void CanonicalLevelCodeSystem_HasTheFourLevels()
    {
        var cs = Load("health-code-level");

        Assert.That(cs["url"]!.GetValue<string>(), Is.EqualTo(FhirUris.CanonicalLevelCodeSystem));
        Assert.That(Codes(cs), Is.EquivalentTo(new[] { "green", "yellow", "red", "unknown" }));
    }

    [TestCaseSource(nameof(ShippedRegions))]
    public void EveryShippedRegion_HasANativeLevelCodeSystemAtTheUrlTheBundlesUse(string region)
    {
        var cs = Load($"native-level-{region}");

        Assert.That(cs["url"]!.GetValue<string>(), Is.EqualTo(FhirUris.NativeLevelCodeSystem(region)));
        Assert.That(cs["count"]!.GetValue<int>(), Is.EqualTo(Codes(cs).Count));
    }

    [Test]
    public void EveryEmittedCoding_FromAProjectCodeSystem_IsDefinedThere()
    {
        var published = Directory.EnumerateFiles(Path.Combine(TestContext.CurrentContext.TestDirectory, "schemas", "fhir"), "CodeSystem-*.json")
            .Select(f => JsonNode.Parse(File.ReadAllText(f))!.AsObject())
            .ToDictionary(cs => cs["url"]!.GetValue<string>(), Codes);
        var records = FhirBundleCorpus.All().Select(s => s.Record);

        foreach (var record in records)
        {
            var json = JsonNode.Parse(FhirJson.Serialize(FhirBundleWriter.ToBundle(record)))!;
            foreach (var coding in Codings(json).Where(c => c.System.StartsWith(FhirUris.Base, StringComparison.Ordinal)))
            {
                Assert.That(published, Does.ContainKey(coding.System), $"CodeSystem {coding.System} is not published in schemas/fhir");
                Assert.That(published[coding.System], Does.Contain(coding.Code), $"{coding.Code} missing from {coding.System}");
            }
        }
    }

    [Test]
    public void NativeLevels_WithACanonicalLevelProperty_AgreeWithTheShippedSamples()
    {
        foreach (var (name, record) in ExpectedFixtures.All())
        {
            var concept = Load($"native-level-{record.Issuer}")["concept"]!.AsArray()
                .Single(c => c!["code"]!.GetValue<string>() == record.Code.NativeLevel)!;
            var property = concept["property"]?[0]?["valueCode"]?.GetValue<string>();
            if (property is not null)
            {
                Assert.That(property, Is.EqualTo(HealthCode.Translator.Canonical.RiskLevels.ToWire(record.Code.Level)), name);
            }
        }
    }

    private static IEnumerable<(string System, string Code)> Codings(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o when o["system"] is JsonValue s && o["code"] is JsonValue c:
                yield return (s.GetValue<string>(), c.GetValue<string>());
                break;
            case JsonObject o:
                foreach (var child in o.Select(p => p.Value).OfType<JsonNode>())
                    foreach (var found in Codings(child)) yield return found;
                break;
            case JsonArray a:
                foreach (var child in a.OfType<JsonNode>())
                    foreach (var found in Codings(child)) yield return found;
                break;
        }
    }
}
