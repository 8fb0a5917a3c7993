using HealthCode.Translator.Profiles;

namespace HealthCode.Verifier.Catalogs;

/// <summary>
/// The region profiles in use: an immutable <see cref="RegionCatalog"/> swapped whole by <see cref="ReloadFrom"/>. A
/// caller sees either the catalogue before a reload or the one after, never a mix within one call; each call reads
/// the current one afresh, so nobody holds a stale catalogue.
/// </summary>
public sealed class ReloadableRegionCatalog(RegionCatalog initial) : IRegionCatalog
{
    private readonly Lock _reloading = new();
    private RegionCatalog _current = initial ?? throw new ArgumentNullException(nameof(initial));

    public RegionCatalog Current => Volatile.Read(ref _current);

    public IReadOnlyList<RegionProfile> All => Current.All;

    public RegionProfile? Find(string regionId) => Current.Find(regionId);

    public IReadOnlyList<RegionProfile> DetectIssuers(string code) => Current.DetectIssuers(code);

    /// <summary>
    /// Reads the folder file by file and swaps in the result (<see cref="FileMerge"/>). Refuses the whole reload, keeping
    /// every profile, when the folder cannot be read or no profile would remain: an emptied folder is a deployment
    /// mistake, not a request to stop recognising every code.
    /// </summary>
    public CatalogReload ReloadFrom(string directory)
    {
        lock (_reloading)
        {
            var current = Current;
            var load = RegionCatalog.ReadDirectory(directory);
            if (load.Failures.FirstOrDefault(f => f.File == directory) is { } folder)
                return Unchanged(current, new RefusedFile(directory, First(folder).Path, Describe(folder.Errors), PreviousKept: true));

            var failures = load.Failures.Select(f => new FileFailure(
                Path.GetFileNameWithoutExtension(f.File), Path.Combine(directory, f.File), First(f).Path, Describe(f.Errors)));
            var merged = FileMerge.Apply(current.All, load.Profiles, failures, p => p.Id, p => p.Hash);
            if (merged.Next.Count == 0)
                return Unchanged(current, new RefusedFile(directory, "$", "no region profile would remain; every profile stays active", PreviousKept: true));

            if (merged.Added.Count + merged.Updated.Count + merged.Removed.Count > 0)
                Volatile.Write(ref _current, new RegionCatalog(merged.Next.Values));
            return merged.Report(Entry);
        }
    }

    private static CatalogEntry Entry(RegionProfile p) => new(p.Id, p.Version, p.Hash);

    private static CatalogReload Unchanged(RegionCatalog current, RefusedFile refused) =>
        new([.. current.All.Select(Entry)], [], [], [], [refused]);

    private static ProfileError First(ProfileFileErrors failure) =>
        failure.Errors.Count > 0 ? failure.Errors[0] : new ProfileError("$", "the profile was refused");

    // The first problem names the field to fix; the rest follow so one edit can fix them all.
    private static string Describe(IReadOnlyList<ProfileError> errors) =>
        errors.Count <= 1 ? errors.FirstOrDefault()?.Message ?? "the profile was refused"
            : errors[0].Message + $" (and {errors.Count - 1} more: " + string.Join("; ", errors.Skip(1).Select(e => $"{e.Path}: {e.Message}")) + ")";
}
