using System.Text.Json.Nodes;
using HealthCode.Translator.Fhir;
using NUnit.Framework;

namespace HealthCode.Translator.Tests.Fhir;

/// <summary>
/// Every bundle produced from a shipped sample must pass tests/fhir/validate.js (official FHIR R4 JSON schema with
/// ajv); needs `npm ci --prefix tests/fhir` beforehand.
/// </summary>
[TestFixture]
public sealed class FhirSchemaConformanceTests
{
    private string _dir = null!;

    [SetUp]
    public void CreateTempDir() => _dir = Directory.CreateTempSubdirectory("healthcode-fhir-").FullName;

    [TearDown]
    public void DeleteTempDir() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void EveryShippedSampleAndSyntheticVariant_ProducesASchemaValidBundle()
    {
        var samples = ExpectedFixtures.All().Concat(SyntheticRecords.All()).ToList();
        Assert.That(samples, Has.Count.GreaterThanOrEqualTo(28), "expected one bundle per shipped sample");
        foreach (var (name, record) in samples)
        {
            File.WriteAllBytes(Path.Combine(_dir, name + ".json"), FhirJson.SerializeToUtf8Bytes(FhirBundleWriter.ToBundle(record), indented: true));
        }

        var result = NodeFhirValidator.Validate(_dir);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Output);
        Assert.That(result.Output, Does.Contain($"{samples.Count} valid, 0 invalid"));
    }

    [Test]
    public void PublishedCodeSystems_AreSchemaValid()
    {
        var result = NodeFhirValidator.Validate(Path.Combine(RepoRoot.Find(), "schemas", "fhir"));

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Output);
    }

    // Each breaks one rule; the check that passes the real bundles must reject every one of them.
    [TestCase("both-effective", "effective[x] is given more than once")]
    [TestCase("bad-resource-type", "invalid resourceType 'Observaton'")]
    [TestCase("unknown-element", "effectiveDate")]
    [TestCase("dangling-reference", "does not resolve")]
    [TestCase("empty-string", "empty or blank string")]
    [TestCase("no-timezone", "effectiveDateTime")]
    [TestCase("missing-status", "status is required")]
    public void BrokenBundle_FailsTheSameCheck(string breakage, string expectedMessage)
    {
        var sample = ExpectedFixtures.All().First(s => s.Record.Health?.Nat is not null);
        var bundle = JsonNode.Parse(FhirJson.Serialize(FhirBundleWriter.ToBundle(sample.Record)))!;
        var observation = bundle["entry"]![2]!["resource"]!.AsObject();
        Break(observation, breakage);
        File.WriteAllText(Path.Combine(_dir, $"broken-{breakage}.json"), bundle.ToJsonString());

        var result = NodeFhirValidator.Validate(_dir);

        Assert.That(result.ExitCode, Is.Not.EqualTo(0), result.Output);
        Assert.That(result.Output, Does.Contain("INVALID broken-" + breakage).And.Contain(expectedMessage));
    }

    private static void Break(JsonObject observation, string breakage)
    {
        switch (breakage)
        {
            case "both-effective":
                observation["effectivePeriod"] = new JsonObject { ["start"] = observation["effectiveDateTime"]!.GetValue<string>() };
                break;
            case "bad-resource-type":
                observation["resourceType"] = "Observaton";
                break;
            case "unknown-element":
                observation["effectiveDate"] = "2022-01-01";
                break;
            case "dangling-reference":
                observation["subject"] = new JsonObject { ["reference"] = "urn:uuid:00000000-0000-5000-8000-000000000000" };
                break;
            case "empty-string":
                observation["code"]!["text"] = "";
                break;
            case "no-timezone":
                observation["effectiveDateTime"] = "2022-01-11T13:15:00";
                break;
            case "missing-status":
                observation.Remove("status");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(breakage), breakage, null);
        }
    }
}
