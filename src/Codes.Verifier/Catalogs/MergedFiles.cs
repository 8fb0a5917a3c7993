namespace HealthCode.Verifier.Catalogs;

/// <summary>The outcome of <see cref="FileMerge.Apply{T}"/>: the entries to activate and what changed.</summary>
internal sealed record MergedFiles<T>(
    IReadOnlyDictionary<string, T> Next,
    IReadOnlyList<string> Added,
    IReadOnlyList<string> Updated,
    IReadOnlyList<string> Removed,
    IReadOnlyList<RefusedFile> Refused)
{
    public CatalogReload Report(Func<T, CatalogEntry> describe) =>
        new([.. Next.Values.Select(describe).OrderBy(e => e.Id, StringComparer.Ordinal)], Added, Updated, Removed, Refused);
}
