using System.Text.Json.Nodes;
using HealthCode.Translator.Canonical;
using HealthCode.Translator.Tests.Support;

namespace HealthCode.Translator.Tests.Fhir;

/// <summary>
/// Every record the FHIR tests turn into a bundle: each shipped sample normalized by its region profile, each
/// sample's expected canonical record, and the made-up records for branches the samples do not reach.
/// </summary>
internal static class FhirBundleCorpus
{
    private static readonly Lazy<IReadOnlyList<(string Name, CanonicalRecord Record)>> Records = new(Build);

    public static IReadOnlyList<(string Name, CanonicalRecord Record)> All() => Records.Value;

    /// <summary>The shipped samples as the service sees them: payload bytes through the region profile's normalizer.</summary>
    public static IEnumerable<(string Name, CanonicalRecord Record)> Normalized()
    {
        foreach (var expectedFile in Directory.EnumerateFiles(TestPaths.Fixtures, "*.expected.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var expected = JsonNode.Parse(File.ReadAllText(expectedFile))!.AsObject();
            if (expected["valid"]?.GetValue<bool>() == false)
            {
                continue;
            }

            var region = Path.GetFileName(Path.GetDirectoryName(expectedFile)!);
            var sample = Path.GetFileName(expectedFile)[..^".expected.json".Length];
            var payload = Directory.GetFiles(Path.GetDirectoryName(expectedFile)!, sample + ".*")
                .Single(f => !f.EndsWith(".expected.json", StringComparison.Ordinal));
            var result = Shared.Normalizer.Normalize(Shared.Profile(region), File.ReadAllBytes(payload), expected["contentType"]!.GetValue<string>(), Shared.Context);
            var record = result.Record ?? throw new InvalidOperationException($"sample {region}/{sample} does not normalize: {result.FailureDetail}");
            yield return ($"normalized-{region}-{sample}", record);
        }
    }

    private static IReadOnlyList<(string Name, CanonicalRecord Record)> Build() =>
        Normalized()
            .Concat(ExpectedFixtures.All().Select(s => ("expected-" + s.Name, s.Record)))
            .Concat(SyntheticRecords.All())
            .ToList();
}
