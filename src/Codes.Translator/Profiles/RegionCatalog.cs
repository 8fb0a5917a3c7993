namespace HealthCode.Translator.Profiles;

/// <summary>
/// The region profiles of one folder (schemas/regions/*.json), each validated against schemas/region-profile.schema.json,
/// checked semantically and compiled. Adding a region is adding a file: nothing here knows any region.
/// </summary>
public sealed class RegionCatalog : IRegionCatalog
{
    private readonly Dictionary<string, RegionProfile> _byId;

    /// <exception cref="ArgumentException">Two profiles share an id.</exception>
    public RegionCatalog(IEnumerable<RegionProfile> profiles)
    {
        _byId = new Dictionary<string, RegionProfile>(StringComparer.Ordinal);
        foreach (var profile in profiles)
        {
            if (!_byId.TryAdd(profile.Id, profile))
            {
                throw new ArgumentException($"region {profile.Id} is given more than once", nameof(profiles));
            }
        }

        All = _byId.Values.OrderBy(p => p.Id, StringComparer.Ordinal).ToArray();
    }

    public IReadOnlyList<RegionProfile> All { get; }

    public RegionProfile? Find(string regionId) => _byId.GetValueOrDefault(regionId);

    public IReadOnlyList<RegionProfile> DetectIssuers(string code) => All.Where(p => p.MatchesCode(code)).ToArray();

    /// <summary>
    /// Loads every *.json in <paramref name="regionsDirectory"/> for start-up: throws <see cref="ProfileLoadException"/>
    /// naming the file and field of the first profile that has a problem.
    /// </summary>
    public static RegionCatalog LoadFromDirectory(string regionsDirectory)
    {
        var profiles = new List<RegionProfile>();
        foreach (var file in Directory.GetFiles(regionsDirectory, "*.json").OrderBy(f => f, StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            var result = ProfileFile.Read(file);
            if (result.Profile is null)
            {
                throw ProfileLoadException.For(name, result.Errors);
            }

            profiles.Add(result.Profile);
        }

        return new RegionCatalog(profiles);
    }
}
