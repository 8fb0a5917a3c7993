using HealthCode.Verifier.Policies;

namespace HealthCode.Verifier.Catalogs;

/// <summary>
/// The acceptance policies in use: an immutable <see cref="PolicyCatalog"/> swapped whole by <see cref="ReloadFrom"/>.
/// A decision reads one policy (<see cref="ForCheckpoint"/>) from whichever catalogue is current, before or after a
/// reload, never a mix of the two.
/// </summary>
public sealed class ReloadablePolicyCatalog(PolicyCatalog initial) : IPolicyCatalog
{
    private static readonly string DefaultFile = PolicyCatalog.DefaultId + ".json";
    private readonly Lock _reloading = new();
    private PolicyCatalog _current = initial ?? throw new ArgumentNullException(nameof(initial));

    public PolicyCatalog Current => Volatile.Read(ref _current);

    public AcceptancePolicy Default => Current.Default;

    public IReadOnlyList<AcceptancePolicy> All => Current.All;

    public AcceptancePolicy ForCheckpoint(string checkpointRegion) => Current.ForCheckpoint(checkpointRegion);

    /// <summary>
    /// Reads the folder file by file and swaps in the result (<see cref="FileMerge"/>). The default cannot be removed:
    /// a missing default.json is refused and the previous default stays. An unreadable folder keeps every policy.
    /// </summary>
    public CatalogReload ReloadFrom(string directory)
    {
        lock (_reloading)
        {
            var current = Current;
            var load = PolicyCatalog.ReadDirectory(directory);
            if (load.Failures.FirstOrDefault(f => f.File == directory) is { } folder)
                return new([.. current.Written.Select(Entry).OrderBy(e => e.Id, StringComparer.Ordinal)], [], [], [],
                    [new RefusedFile(directory, folder.Field, folder.Message, PreviousKept: true)]);

            var failures = load.Failures
                .Select(f => new FileFailure(Path.GetFileNameWithoutExtension(f.File), Path.Combine(directory, f.File), f.Field, f.Message))
                .ToList();
            if (!load.Policies.Any(p => p.Id == PolicyCatalog.DefaultId) && !failures.Any(f => f.Id == PolicyCatalog.DefaultId))
                failures.Add(new FileFailure(PolicyCatalog.DefaultId, Path.Combine(directory, DefaultFile), "id",
                    "the default policy is missing; it cannot be removed while the service runs"));

            var merged = FileMerge.Apply(current.Written, load.Policies, failures, p => p.Id, p => p.Hash);
            if (merged.Added.Count + merged.Updated.Count + merged.Removed.Count > 0)
            {
                var defaults = merged.Next[PolicyCatalog.DefaultId];
                Volatile.Write(ref _current, new PolicyCatalog(defaults, merged.Next.Values.Where(p => p.Id != PolicyCatalog.DefaultId)));
            }
            return merged.Report(Entry);
        }
    }

    private static CatalogEntry Entry(AcceptancePolicy p) => new(p.Id, p.Version, p.Hash);
}
