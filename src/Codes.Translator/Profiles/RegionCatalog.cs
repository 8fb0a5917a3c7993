namespace HealthCode.Translator.Profiles;

/// <summary>
/// The region profiles of one folder (schemas/regions/*.json), each validated against schemas/region-profile.schema.json,
/// checked semantically and compiled. Adding a region is adding a file: nothing here knows any region.
/// </summary>
public sealed class RegionCatalog : IRegionCatalog
{
    private readonly Dictionary<string, RegionProfile> _byId;
    private readonly RegionProfile[] _all;

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

        _all = _byId.Values.OrderBy(p => p.Id, StringComparer.Ordinal).ToArray();
    }

    public IReadOnlyList<RegionProfile> All => _all;

    public RegionProfile? Find(string regionId) => _byId.GetValueOrDefault(regionId);

    public IReadOnlyList<RegionProfile> DetectIssuers(string code)
    {
        // Runs on every verify without an issuer: a plain loop, and a list only when a code is ambiguous.
        RegionProfile? first = null;
        List<RegionProfile>? several = null;
        foreach (var profile in _all)
        {
            if (!profile.MatchesCode(code)) continue;
            if (first is null) first = profile;
            else (several ??= [first]).Add(profile);
        }
        return several ?? (first is null ? [] : [first]);
    }

    /// <summary>
    /// Loads every *.json in <paramref name="regionsDirectory"/> for start-up: throws <see cref="ProfileLoadException"/>
    /// naming the file and field of the first profile that has a problem.
    /// </summary>
    public static RegionCatalog LoadFromDirectory(string regionsDirectory)
    {
        var load = ReadDirectory(regionsDirectory);
        if (load.Failures.Count > 0)
        {
            throw ProfileLoadException.For(load.Failures[0].File, load.Failures[0].Errors);
        }

        return new RegionCatalog(load.Profiles);
    }

    /// <summary>
    /// Reads every *.json in <paramref name="regionsDirectory"/> without throwing for a bad file: each file either compiles
    /// or reports its errors (for hot reload and linting, which must not lose the profiles that are fine).
    /// </summary>
    public static RegionCatalogLoad ReadDirectory(string regionsDirectory)
    {
        string[] files;
        try
        {
            files = Directory.GetFiles(regionsDirectory, "*.json");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new RegionCatalogLoad([], [new ProfileFileErrors(regionsDirectory, [new ProfileError("$", "the folder cannot be read: " + ex.Message)])]);
        }

        var profiles = new List<RegionProfile>(files.Length);
        var failures = new List<ProfileFileErrors>();
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            var result = ProfileFile.Read(file);
            if (result.Profile is { } profile)
            {
                profiles.Add(profile);
            }
            else
            {
                failures.Add(new ProfileFileErrors(Path.GetFileName(file), result.Errors));
            }
        }

        return new RegionCatalogLoad(profiles, failures);
    }
}
