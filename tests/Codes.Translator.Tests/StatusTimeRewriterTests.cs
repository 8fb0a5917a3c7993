using HealthCode.Translator.Normalization;
using HealthCode.Translator.Normalization.Time;
using HealthCode.Translator.Tests.Support;

namespace HealthCode.Translator.Tests;

/// <summary>The rewriter is the inverse of the profile time reader: what it writes, normalization reads back.</summary>
public sealed class StatusTimeRewriterTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    public static IEnumerable<TestCaseData> AllSamples() =>
        Directory.GetFiles(TestPaths.Fixtures, "*.*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".expected.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => new TestCaseData(Path.GetFileName(Path.GetDirectoryName(f))!, Path.GetFileName(f)).SetArgDisplayNames(Path.GetRelativePath(TestPaths.Fixtures, f)));

    [TestCaseSource(nameof(AllSamples))]
    public void Every_sample_gets_the_given_status_time_in_its_regions_own_format(string region, string sample)
    {
        var profile = Shared.Profile(region);
        var body = StatusTimeRewriter.Rewrite(profile, File.ReadAllBytes(Path.Combine(TestPaths.Fixtures, region, sample)), At);

        var result = Shared.Normalizer.Normalize(profile, body, Shared.ContentType(profile), new NormalizationContext(At, At));

        Assert.That(result.Succeeded, Is.True, () => result.FailureDetail + " " + string.Join("; ", result.Errors.Select(e => e.Key)));
        // Formats without seconds (yyyy-MM-dd HH:mm) can only say the minute.
        Assert.That(result.Record!.Code.StatusAt, Is.EqualTo(At).Within(TimeSpan.FromMinutes(1)));
        Assert.That(result.Record.Code.StatusAt, Is.LessThanOrEqualTo(At));
    }

    [Test]
    public void Everything_but_the_status_time_is_left_as_it_was()
    {
        var profile = Shared.Profile("110000");
        var original = File.ReadAllBytes(Path.Combine(TestPaths.Fixtures, "110000", "green.json"));
        var before = Shared.Normalizer.Normalize(profile, original, "application/json", new NormalizationContext(At)).Record!;

        var after = Shared.Normalizer.Normalize(profile, StatusTimeRewriter.Rewrite(profile, original, At), "application/json", new NormalizationContext(At)).Record!;

        Assert.That(after with { Code = after.Code with { StatusAt = before.Code.StatusAt } }, Is.EqualTo(before with { Health = after.Health }));
        Assert.That(after.Health?.Nat?.SampledAt, Is.EqualTo(before.Health?.Nat?.SampledAt));
    }

    [Test]
    public void A_payload_without_its_status_time_field_is_returned_unchanged()
    {
        var profile = Shared.Profile("330000");
        var body = System.Text.Encoding.UTF8.GetBytes(Payloads.With("330000", "red.json", p => p.Remove("refresh_time")));

        Assert.That(StatusTimeRewriter.Rewrite(profile, body, At), Is.SameAs(body));
    }
}
