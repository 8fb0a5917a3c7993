using HealthCode.Translator.Fhir;
using NUnit.Framework;

namespace HealthCode.Translator.Tests.Fhir;

/// <summary>
/// Every bundle the tests produce must pass tests/fhir/validate.js (official FHIR R4 JSON schema with ajv, plus the
/// rules the schema cannot express); needs `npm ci --prefix tests/fhir` beforehand. The broken bundles it must
/// reject are in <see cref="BrokenBundleTests"/>.
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
    public void Every_bundle_the_tests_produce_is_valid_against_the_official_json_schema()
    {
        var bundles = FhirBundleCorpus.All();
        foreach (var (name, record) in bundles)
        {
            File.WriteAllBytes(Path.Combine(_dir, name + ".json"), FhirJson.SerializeToUtf8Bytes(FhirBundleWriter.ToBundle(record), indented: true));
        }

        var result = NodeFhirValidator.Validate(_dir);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Output);
        Assert.That(result.Output, Does.Contain($"{bundles.Count} valid, 0 invalid"));
    }

    [Test]
    public void Published_code_systems_are_valid_against_the_official_json_schema()
    {
        var result = NodeFhirValidator.Validate(Path.Combine(RepoRoot.Find(), "schemas", "fhir"));

        Assert.That(result.ExitCode, Is.EqualTo(0), result.Output);
    }
}
