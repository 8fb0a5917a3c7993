using System.Diagnostics.CodeAnalysis;
using HealthCode.Translator.Profiles;

namespace HealthCode.Verifier.Regions;

/// <summary>
/// GB/T 2260 region ids as the service reads them: six digits, the first two naming the province ("440300" lies in
/// "440000"), "000000" the national system. The one place that falls back from a region to its province to the nation:
/// policy lookup (440300 → 440000 → default) and display vocabulary (region → province → 000000) both go through here.
/// </summary>
public static class RegionIds
{
    public const string National = "000000";

    public static bool IsWellFormed([NotNullWhen(true)] string? id) => id is { Length: 6 } && id.All(char.IsAsciiDigit);

    /// <summary>"440300" → "440000"; a province or the nation is its own province.</summary>
    public static string ProvinceOf(string id) => string.Concat(WellFormed(id).AsSpan(0, 2), "0000");

    /// <summary>The region, then its province, then the nation, without repeats: 440300 → 440000 → 000000.</summary>
    public static IReadOnlyList<string> FallbackChain(string id) =>
        new[] { WellFormed(id), ProvinceOf(id), National }.Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// A checkpoint may stand in this region: it is well formed and the catalogue has a profile for its province
    /// (the national profile covers 000000). Anything else is an unknown place with no policy of its own.
    /// </summary>
    public static bool IsKnown([NotNullWhen(true)] string? id, IRegionCatalog regions)
    {
        ArgumentNullException.ThrowIfNull(regions);
        return IsWellFormed(id) && regions.Find(ProvinceOf(id)) is not null;
    }

    private static string WellFormed(string id) =>
        IsWellFormed(id) ? id : throw new ArgumentException($"'{id}' is not a six-digit region id.", nameof(id));
}
