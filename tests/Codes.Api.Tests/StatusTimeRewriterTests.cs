using HealthCode.Api.Samples;
using HealthCode.Translator.Normalization;
using HealthCode.Translator.Profiles;

namespace HealthCode.Api.Tests;

public sealed class StatusTimeRewriterTests
{
    private static readonly IRegionCatalog Regions = RegionCatalog.LoadFromDirectory(Path.Combine(AppContext.BaseDirectory, "schemas", "regions"));
    private static readonly Normalizer Normalizer = new(Regions);

    public static byte[] Fresh(string sample, DateTimeOffset at) =>
        StatusTimeRewriter.Rewrite(Regions.Find(Fixtures.Region(sample))!, Fixtures.Read(sample), at);

    public static IEnumerable<TestCaseData> AllSamples() => Fixtures.All().Select(s => new TestCaseData(s).SetArgDisplayNames(s));

    [TestCaseSource(nameof(AllSamples))]
    public void Every_sample_gets_the_given_status_time_in_its_regions_own_format(string sample)
    {
        var at = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);
        var result = Normalizer.Normalize(Fixtures.Region(sample), Fresh(sample, at), Fixtures.ContentType(sample), new NormalizationContext(at, at));

        Assert.That(result.Succeeded, Is.True, () => result.FailureDetail + " " + string.Join("; ", result.Errors.Select(e => e.Key)));
        // Formats without seconds (yyyy-MM-dd HH:mm) can only say the minute.
        Assert.That(result.Record!.Code.StatusAt, Is.EqualTo(at).Within(TimeSpan.FromMinutes(1)));
        Assert.That(result.Record.Code.StatusAt, Is.LessThanOrEqualTo(at));
    }

    [Test]
    public void Everything_but_the_status_time_is_left_as_it_was()
    {
        var at = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);
        var before = Normalizer.Normalize("110000", Fixtures.Read("110000/green.json"), "application/json", new NormalizationContext(at)).Record!;
        var after = Normalizer.Normalize("110000", Fresh("110000/green.json", at), "application/json", new NormalizationContext(at)).Record!;
        Assert.That(after with { Code = after.Code with { StatusAt = before.Code.StatusAt }, Health = before.Health }, Is.EqualTo(before with { Health = before.Health }));
        Assert.That(after.Health?.Nat?.SampledAt, Is.EqualTo(before.Health?.Nat?.SampledAt));
    }
}
