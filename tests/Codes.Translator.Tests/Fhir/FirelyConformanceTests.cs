using System.Diagnostics;
using System.Globalization;
using HealthCode.Translator.Canonical;
using HealthCode.Translator.Fhir;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Specification.Terminology;
using NUnit.Framework;

namespace HealthCode.Translator.Tests.Fhir;

/// <summary>
/// Every bundle the tests produce passes Firely's R4 validator (offline) with no error. Warnings are allowed and
/// printed; the validation times are printed too (warm, after one untimed warm-up validation).
/// </summary>
[TestFixture]
public sealed class FirelyConformanceTests
{
    private readonly List<double> _pocoMs = [];
    private readonly List<double> _jsonMs = [];

    private static IEnumerable<TestCaseData> Bundles() =>
        FhirBundleCorpus.All().Select(s => new TestCaseData(s.Record).SetArgDisplayNames(s.Name));

    [OneTimeSetUp]
    public void WarmUp()
    {
        TestContext.Progress.WriteLine($"Firely cold start (load the specification, validate an empty Bundle): {FirelyValidation.ColdStart.TotalSeconds:F1} s");
        // Left out of the warm timings below; shorter when another fixture has validated a bundle already.
        var watch = Stopwatch.StartNew();
        FirelyValidation.ValidateJson(FhirJson.Serialize(FhirBundleWriter.ToBundle(SyntheticRecords.All().First(s => s.Name.Contains("positive", StringComparison.Ordinal)).Record)));
        TestContext.Progress.WriteLine($"Firely first five-resource bundle (compiles their profiles): {watch.Elapsed.TotalSeconds:F1} s");
    }

    [OneTimeTearDown]
    public void PrintTimings()
    {
        TestContext.Progress.WriteLine($"Firely warm validation per bundle, POCO: {Summary(_pocoMs)}");
        TestContext.Progress.WriteLine($"Firely warm validation per bundle, JSON text (strict parse + validate): {Summary(_jsonMs)}");
    }

    [Test]
    public void The_corpus_covers_every_shipped_sample_normalized_and_expected_plus_the_made_up_records()
    {
        var names = FhirBundleCorpus.All().Select(s => s.Name).ToList();
        var samples = ExpectedFixtures.All().Count;

        Assert.That(samples, Is.GreaterThanOrEqualTo(28));
        Assert.That(names.Count(n => n.StartsWith("normalized-", StringComparison.Ordinal)), Is.EqualTo(samples));
        Assert.That(names.Count(n => n.StartsWith("expected-", StringComparison.Ordinal)), Is.EqualTo(samples));
        Assert.That(names.Count(n => n.StartsWith("synthetic-", StringComparison.Ordinal)), Is.EqualTo(SyntheticRecords.All().Count()));
        Assert.That(names, Is.Unique);
    }

    [TestCaseSource(nameof(Bundles))]
    public void Bundle_passes_firely_validation_with_no_error(CanonicalRecord record)
    {
        var bundle = FhirBundleWriter.ToBundle(record);
        var json = FhirJson.Serialize(bundle);

        var watch = Stopwatch.StartNew();
        var poco = FirelyValidation.Validate(bundle);
        _pocoMs.Add(watch.Elapsed.TotalMilliseconds);
        watch.Restart();
        var wire = FirelyValidation.ValidateJson(json);
        _jsonMs.Add(watch.Elapsed.TotalMilliseconds);

        TestContext.Out.WriteLine(FirelyValidation.Describe(FirelyValidation.Warnings(wire)));
        Assert.That(FirelyValidation.Errors(poco), Is.Empty, FirelyValidation.Describe(poco.Issue));
        Assert.That(FirelyValidation.Errors(wire), Is.Empty, FirelyValidation.Describe(wire.Issue));
    }

    [TestCaseSource(nameof(Bundles))]
    public void Every_coding_from_a_project_code_system_is_a_code_of_that_system_for_firely(CanonicalRecord record)
    {
        var codings = Codings(FhirBundleWriter.ToBundle(record))
            .Where(c => c.System?.StartsWith(FhirUris.Base, StringComparison.Ordinal) == true)
            .ToList();

        Assert.That(codings, Is.Not.Empty);
        foreach (var coding in codings)
        {
            Assert.That(IsCodeOfItsSystem(coding), Is.True, $"{coding.System}#{coding.Code}");
        }
    }

    [Test]
    public void A_code_missing_from_a_project_code_system_is_rejected_by_firelys_terminology()
    {
        Assert.That(IsCodeOfItsSystem(new Coding(FhirUris.NativeLevelCodeSystem("110000"), "绿码")), Is.False);
        Assert.That(IsCodeOfItsSystem(new Coding(FhirUris.CanonicalLevelCodeSystem, "orange")), Is.False);
    }

    [Test]
    public void Published_code_systems_pass_firely_validation_with_no_error()
    {
        var files = Directory.GetFiles(Path.Combine(TestContext.CurrentContext.TestDirectory, "schemas", "fhir"), "*.json");

        Assert.That(files, Is.Not.Empty);
        foreach (var file in files)
        {
            var outcome = FirelyValidation.ValidateJson(File.ReadAllText(file));
            Assert.That(FirelyValidation.Errors(outcome), Is.Empty, $"{Path.GetFileName(file)}: {FirelyValidation.Describe(outcome.Issue)}");
        }
    }

    // No base-spec binding covers the project's codings, so Firely's validator alone never looks them up; asking its
    // terminology service with the code system's implicit "all codes" value set does.
    private static bool IsCodeOfItsSystem(Coding coding)
    {
        var allCodes = new ValueSet
        {
            Url = coding.System + "?fhir_vs",
            Status = PublicationStatus.Active,
            Compose = new ValueSet.ComposeComponent { Include = [new ValueSet.ConceptSetComponent { System = coding.System }] },
        };
        var result = FirelyValidation.Terminology
            .ValueSetValidateCode(new Parameters().Add("valueSet", allCodes).Add("coding", coding), useGet: false)
            .GetAwaiter().GetResult();
        return result.GetSingleValue<FhirBoolean>("result")?.Value == true;
    }

    private static IEnumerable<Coding> Codings(Base node)
    {
        if (node is Coding coding)
        {
            yield return coding;
        }

        foreach (var (_, value) in node.EnumerateElements())
        {
            IEnumerable<Base> children = value switch { Base one => [one], IEnumerable<Base> many => many, _ => [] };
            foreach (var found in children.SelectMany(Codings))
            {
                yield return found;
            }
        }
    }

    private static string Summary(List<double> ms)
    {
        if (ms.Count == 0)
        {
            return "not run";
        }

        var sorted = ms.Order().ToList();
        string F(double v) => v.ToString("F1", CultureInfo.InvariantCulture);
        return $"n={sorted.Count}, min {F(sorted[0])} ms, median {F(sorted[sorted.Count / 2])} ms, max {F(sorted[^1])} ms";
    }
}
