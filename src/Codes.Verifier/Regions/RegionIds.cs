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

    public static bool IsWellFormed([NotNullWhen(true)] string? id) => id is { Length: 6 } && !id.AsSpan().ContainsAnyExceptInRange('0', '9');

    /// <summary>"440300" → "440000"; a province or the nation is its own province.</summary>
    public static string ProvinceOf(string id) =>
        IsProvince(WellFormed(id)) ? id : string.Concat(id.AsSpan(0, 2), "0000");

    /// <summary>The region, then its province, then the nation, without repeats: 440300 → 440000 → 000000.</summary>
    public static IReadOnlyList<string> FallbackChain(string id)
    {
        var (region, province, nation) = Chain(id);
        return nation is not null ? [region, province!, nation] : province is not null ? [region, province] : [region];
    }

    /// <summary>
    /// <see cref="FallbackChain"/> without a list, later steps null when they would repeat: verify walks the chain for
    /// the policy and for the display vocabulary on every scan.
    /// </summary>
    public static (string Region, string? Then, string? Last) Chain(string id)
    {
        var province = ProvinceOf(id);
        if (province == id) return id == National ? (id, null, null) : (id, National, null);
        return province == National ? (id, National, null) : (id, province, National);
    }

    /// <summary>
    /// A checkpoint may stand in this region: it is well formed and the catalogue has a profile for its province
    /// (the national profile covers 000000). Anything else is an unknown place with no policy of its own.
    /// </summary>
    public static bool IsKnown([NotNullWhen(true)] string? id, IRegionCatalog regions)
    {
        ArgumentNullException.ThrowIfNull(regions);
        return IsWellFormed(id) && regions.Find(ProvinceOf(id)) is not null;
    }

    private static bool IsProvince(string id) => id.AsSpan(2).SequenceEqual("0000");

    private static string WellFormed(string id) =>
        IsWellFormed(id) ? id : throw new ArgumentException($"'{id}' is not a six-digit region id.", nameof(id));
}
