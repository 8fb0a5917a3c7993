using System.Text;
using System.Text.Json;
using HealthCode.Translator.Serialization;
using HealthCode.Translator.Tests.Support;
using NJsonSchema;

namespace HealthCode.Translator.Tests;

public sealed class FixtureTests
{
    public static IEnumerable<TestCaseData> Samples()
    {
        foreach (var expected in Directory.GetFiles(TestPaths.Fixtures, "*.expected.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var region = Path.GetFileName(Path.GetDirectoryName(expected)!);
            var name = Path.GetFileName(expected)[..^".expected.json".Length];
            yield return new TestCaseData(region, name).SetName($"Fixture_{region}_{name}_normalizes_to_its_expected_canonical_record");
        }
    }

    [TestCaseSource(nameof(Samples))]
    public void Fixture_normalizes_to_expected(string region, string name)
    {
        using var expectedDoc = JsonDocument.Parse(Shared.Fixture(region, name + ".expected.json"));
        var contentType = expectedDoc.RootElement.GetProperty("contentType").GetString()!;
        var payloadFile = Directory.GetFiles(Path.Combine(TestPaths.Fixtures, region), name + ".*").Single(f => !f.EndsWith(".expected.json", StringComparison.Ordinal));

        var result = Shared.Normalizer.Normalize(Shared.Profile(region), File.ReadAllBytes(payloadFile), contentType, Shared.Context);

        Assert.That(result.Errors, Is.Empty, () => string.Join("; ", result.Errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));
        Assert.That(result.Succeeded, Is.True, result.FailureDetail);
        using var actualDoc = JsonDocument.Parse(CanonicalJson.Serialize(result.Record!));
        var actual = Flatten.Json(actualDoc.RootElement);
        actual.Remove("schemaVersion");
        var expected = Flatten.Json(expectedDoc.RootElement.GetProperty("canonical"));
        expected.Remove("schemaVersion");

        Assert.That(actual, Is.EquivalentTo(expected));
    }

    [TestCaseSource(nameof(Samples))]
    public void Fixture_record_satisfies_the_canonical_schema(string region, string name)
    {
        var schema = JsonSchema.FromJsonAsync(File.ReadAllText(TestPaths.CanonicalSchema)).GetAwaiter().GetResult();
        var contentType = region == "610000" ? "application/xml" : "application/json";
        var payloadFile = Directory.GetFiles(Path.Combine(TestPaths.Fixtures, region), name + ".*").Single(f => !f.EndsWith(".expected.json", StringComparison.Ordinal));
        var result = Shared.Normalizer.Normalize(Shared.Profile(region), File.ReadAllBytes(payloadFile), contentType, Shared.Context);

        var errors = schema.Validate(CanonicalJson.Serialize(result.Record!));

        Assert.That(errors.Select(e => $"{e.Path}: {e.Kind}"), Is.Empty);
    }

    [Test]
    public void Every_region_has_a_green_fixture()
    {
        var regions = Shared.Catalog.All.Select(p => p.Id);

        Assert.That(regions.Select(r => File.Exists(Path.Combine(TestPaths.Fixtures, r, "green.json")) || File.Exists(Path.Combine(TestPaths.Fixtures, r, "green.xml"))), Is.All.True);
    }

    [Test]
    public void Canonical_json_uses_wire_names_and_utc_z_times()
    {
        var result = Shared.Normalize("110000", Shared.Fixture("110000", "green.json"));

        var json = Encoding.UTF8.GetString(CanonicalJson.SerializeToUtf8Bytes(result.Record!));

        Assert.That(json, Does.Contain("\"level\":\"green\"").And.Contain("\"statusAt\":\"2022-05-08T06:34:00Z\"").And.Not.Contain("null"));
    }
}
