using System.Text.Json.Nodes;
using HealthCode.Translator.Canonical;

using NUnit.Framework;

namespace HealthCode.Translator.Tests.Fhir;

/// <summary>One entry per shipped sample (every valid fixtures/regions/&lt;region&gt;/*.expected.json).</summary>
internal static class ExpectedFixtures
{
    public static string RegionsDirectory => Path.Combine(TestContext.CurrentContext.TestDirectory, "fixtures", "regions");

    public static IReadOnlyList<(string Name, CanonicalRecord Record)> All()
    {
        var samples = new List<(string, CanonicalRecord)>();
        foreach (var file in Directory.EnumerateFiles(RegionsDirectory, "*.expected.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var root = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
            if (root["valid"]?.GetValue<bool>() == false || root["canonical"] is not JsonObject canonical)
            {
                continue;
            }

            var region = Path.GetFileName(Path.GetDirectoryName(file)!);
            var name = $"{region}-{Path.GetFileName(file).Replace(".expected.json", "", StringComparison.Ordinal)}";
            samples.Add((name, DottedCanonical.ToRecord(canonical)));
        }

        return samples;
    }

    public static IEnumerable<TestCaseData> Cases() =>
        All().Select(s => new TestCaseData(s.Record).SetArgDisplayNames(s.Name));
}
