using HealthCode.Verifier.Regions;

namespace HealthCode.Verifier.Policies;

/// <summary>
/// The loaded policies. A checkpoint uses the first policy along its region's fallback chain (<see cref="RegionIds"/>:
/// 440300 → 440000); 000000 and provinces without a file use the default.
/// </summary>
public sealed class PolicyCatalog : IPolicyCatalog
{
    public const string DefaultId = "default";
    private readonly Dictionary<string, AcceptancePolicy> _byProvince;

    /// <param name="defaults">The default policy: an unscoped rule for every level.</param>
    /// <param name="regional">Regional policies as written (additions only); they are put on top of the default here.</param>
    public PolicyCatalog(AcceptancePolicy defaults, IEnumerable<AcceptancePolicy> regional)
    {
        Default = defaults ?? throw new ArgumentNullException(nameof(defaults));
        var written = regional.OrderBy(p => p.Id, StringComparer.Ordinal).ToArray();
        _byProvince = written.ToDictionary(p => p.Id, p => p.AddedTo(defaults), StringComparer.Ordinal);
        Written = [defaults, .. written];
    }

    /// <summary>The default, then the regional policies as their files say (not merged): what a reload compares file by file.</summary>
    public IReadOnlyList<AcceptancePolicy> Written { get; }

    public AcceptancePolicy Default { get; }

    /// <summary>The default first, then the regional policies (merged) by id.</summary>
    public IReadOnlyList<AcceptancePolicy> All => [Default, .. _byProvince.Values.OrderBy(p => p.Id, StringComparer.Ordinal)];

    /// <exception cref="ArgumentException">The region is not a six-digit id (callers check the request first).</exception>
    public AcceptancePolicy ForCheckpoint(string checkpointRegion)
    {
        var (region, then, last) = RegionIds.Chain(checkpointRegion);
        if (_byProvince.TryGetValue(region, out var policy)
            || then is not null && _byProvince.TryGetValue(then, out policy)
            || last is not null && _byProvince.TryGetValue(last, out policy))
        {
            return policy;
        }
        return Default;
    }

    /// <summary>Reads default.json and every &lt;province&gt;.json in the folder, each validated against policy.schema.json.</summary>
    /// <exception cref="PolicyLoadException">A file is invalid; the message names the file and the field.</exception>
    public static PolicyCatalog LoadFromDirectory(string path) => PolicyFileLoader.Load(path);

    /// <summary>
    /// Reads every *.json in the folder without throwing for a bad file: each file either passes its checks or reports
    /// its first problem (for hot reload, which must not lose the policies that are fine).
    /// </summary>
    public static PolicyCatalogLoad ReadDirectory(string path) => PolicyFileLoader.ReadDirectory(path);
}
