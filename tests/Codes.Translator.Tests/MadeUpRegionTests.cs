using System.Text;
using System.Text.Json;
using HealthCode.Translator.Normalization;
using HealthCode.Translator.Normalization.Time;
using HealthCode.Translator.Serialization;
using HealthCode.Translator.Tests.Support;

namespace HealthCode.Translator.Tests;

/// <summary>
/// The profile language beyond what the twelve regions use, proven on made-up regions (tests/fixtures/made-up-regions):
/// each sample normalizes to its expected record, and its status time survives the rewriter.
/// </summary>
public sealed class MadeUpRegionTests
{
    public static IEnumerable<TestCaseData> Samples()
    {
        foreach (var expected in Directory.GetFiles(MadeUpRegions.Root, "*.expected.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var region = Path.GetFileName(Path.GetDirectoryName(expected)!);
            var name = Path.GetFileName(expected)[..^".expected.json".Length];
            var sample = Directory.GetFiles(Path.GetDirectoryName(expected)!, name + ".*").Single(f => !f.EndsWith(".expected.json", StringComparison.Ordinal));
            yield return new TestCaseData(region, Path.GetFileName(sample), Path.GetFileName(expected))
                .SetName($"Made_up_region_{region}_{name}_normalizes_to_its_expected_record");
        }
    }

    [TestCaseSource(nameof(Samples))]
    public void Sample_normalizes_to_its_expected_record(string region, string sample, string expectedFile)
    {
        using var expected = JsonDocument.Parse(MadeUpRegions.Sample(region, expectedFile));

        var result = MadeUpRegions.Normalize(region, sample);

        Assert.That(result.Errors, Is.Empty, () => string.Join("; ", result.Errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));
        using var actual = JsonDocument.Parse(CanonicalJson.Serialize(result.Record!));
        var flat = Flatten.Json(actual.RootElement);
        flat.Remove("schemaVersion");
        Assert.That(flat, Is.EquivalentTo(Flatten.Json(expected.RootElement.GetProperty("canonical"))));
        Assert.That(expected.RootElement.GetProperty("contentType").GetString(), Is.EqualTo(MediaTypes.ForFormat(MadeUpRegions.Profile(region).Format)));
    }

    [TestCaseSource(nameof(Samples))]
    public void Sample_status_time_is_rewritten_in_the_regions_own_format(string region, string sample, string expectedFile)
    {
        // Before every sample's own validUntil, so only the status time changes.
        var at = new DateTimeOffset(2022, 3, 15, 3, 4, 5, TimeSpan.Zero);
        var profile = MadeUpRegions.Profile(region);
        var body = StatusTimeRewriter.Rewrite(profile, Encoding.UTF8.GetBytes(MadeUpRegions.Sample(region, sample)), at);

        var result = Shared.Normalizer.Normalize(profile, body, MediaTypes.ForFormat(profile.Format), Shared.Context);

        Assert.That(result.Record?.Code.StatusAt, Is.EqualTo(at), () => string.Join("; ", result.Errors.Select(e => e.Key)));
    }

    [Test]
    public void The_made_up_regions_are_not_shipped()
    {
        var made = Directory.GetDirectories(MadeUpRegions.Root).Select(Path.GetFileName);

        Assert.That(Shared.Catalog.All.Select(p => p.Id).Intersect(made), Is.Empty);
    }
}
