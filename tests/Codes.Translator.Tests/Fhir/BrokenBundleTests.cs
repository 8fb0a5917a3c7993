using NUnit.Framework;

namespace HealthCode.Translator.Tests.Fhir;

/// <summary>
/// Both conformance checks (ajv with the official R4 JSON schema via tests/fhir/validate.js, and Firely's validator)
/// reject every deliberately broken bundle, each for the rule that was broken.
/// </summary>
[TestFixture]
public sealed class BrokenBundleTests
{
    private string _dir = null!;

    [SetUp]
    public void CreateTempDir() => _dir = Directory.CreateTempSubdirectory("healthcode-fhir-broken-").FullName;

    [TearDown]
    public void DeleteTempDir() => Directory.Delete(_dir, recursive: true);

    [TestCase("both-effective", "effective[x] is given more than once")]
    [TestCase("bad-resource-type", "invalid resourceType 'Observaton'")]
    [TestCase("unknown-element", "effectiveDate")]
    [TestCase("dangling-reference", "does not resolve")]
    [TestCase("empty-string", "empty or blank string")]
    [TestCase("no-timezone", "effectiveDateTime")]
    [TestCase("missing-status", "status is required")]
    public void Broken_bundle_fails_the_json_schema_check(string breakage, string expectedMessage)
    {
        File.WriteAllText(Path.Combine(_dir, $"broken-{breakage}.json"), BrokenBundles.Json(breakage));

        var result = NodeFhirValidator.Validate(_dir);

        Assert.That(result.ExitCode, Is.Not.EqualTo(0), result.Output);
        Assert.That(result.Output, Does.Contain("INVALID broken-" + breakage).And.Contain(expectedMessage));
    }

    [TestCase("both-effective", "Instance count at element 'effective' is 2")]
    [TestCase("bad-resource-type", "Observaton")]
    [TestCase("unknown-element", "Element is of type 'date'")]
    [TestCase("dangling-reference", "Cannot resolve reference urn:uuid:00000000-0000-5000-8000-000000000000")]
    [TestCase("empty-string", "string '' is not a correct literal")]
    [TestCase("no-timezone", "Value '2022-01-11T13:15:00' does not match regex")]
    [TestCase("missing-status", "'status'")]
    public void Broken_bundle_fails_firely_validation(string breakage, string expectedMessage)
    {
        var errors = FirelyValidation.Errors(FirelyValidation.ValidateJson(BrokenBundles.Json(breakage)));

        Assert.That(errors, Is.Not.Empty, breakage);
        Assert.That(FirelyValidation.Describe(errors), Does.Contain(expectedMessage));
    }

    [Test]
    public void Every_breakage_is_checked_by_both_validators()
    {
        static IEnumerable<string> Cases(string test) => typeof(BrokenBundleTests).GetMethod(test)!
            .GetCustomAttributes(typeof(TestCaseAttribute), false).Cast<TestCaseAttribute>().Select(a => (string)a.Arguments[0]!);

        Assert.That(Cases(nameof(Broken_bundle_fails_the_json_schema_check)), Is.EquivalentTo(BrokenBundles.Breakages));
        Assert.That(Cases(nameof(Broken_bundle_fails_firely_validation)), Is.EquivalentTo(BrokenBundles.Breakages));
    }
}
