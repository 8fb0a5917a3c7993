using System.Text;
using HealthCode.Translator.Normalization;
using HealthCode.Translator.Profiles;
using HealthCode.Translator.Translation;

namespace HealthCode.Translator.Tests.Support;

/// <summary>One catalog for the whole run: loading validates twelve files against the schema, no need to repeat it per test.</summary>
internal static class Shared
{
    private static readonly Lazy<RegionCatalog> LazyCatalog = new(() => RegionCatalog.LoadFromDirectory(TestPaths.Regions));

    public static RegionCatalog Catalog => LazyCatalog.Value;

    public static Normalizer Normalizer { get; } = new();

    public static RiskTranslator Translator { get; } = new(Catalog);

    /// <summary>Later than every fixture's status time, so none is "in the future".</summary>
    public static readonly DateTimeOffset Now = new(2022, 12, 31, 0, 0, 0, TimeSpan.Zero);

    public static NormalizationContext Context => new(Now);

    public static RegionProfile Profile(string region) => Catalog.Find(region) ?? throw new ArgumentException($"no shipped region {region}", nameof(region));

    public static string ContentType(RegionProfile profile) => MediaTypes.ForFormat(profile.Format);

    public static NormalizationResult Normalize(string region, string body, string contentType = "application/json", NormalizationContext? context = null) =>
        Normalizer.Normalize(Profile(region), Encoding.UTF8.GetBytes(body), contentType, context ?? Context);

    public static string Fixture(string region, string name) => File.ReadAllText(Path.Combine(TestPaths.Fixtures, region, name));
}
