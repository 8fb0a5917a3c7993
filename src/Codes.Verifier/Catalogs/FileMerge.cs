namespace HealthCode.Verifier.Catalogs;

/// <summary>
/// The reload rule, the same for profiles and policies: every file that passes replaces its previous version; a file
/// that fails keeps its previous version (or, new, stays absent); an entry whose file is gone is removed.
/// </summary>
internal static class FileMerge
{
    public static MergedFiles<T> Apply<T>(
        IEnumerable<T> previous, IEnumerable<T> loaded, IEnumerable<FileFailure> failed, Func<T, string> idOf, Func<T, string> hashOf)
        where T : class
    {
        var before = previous.ToDictionary(idOf, StringComparer.Ordinal);
        var next = loaded.ToDictionary(idOf, StringComparer.Ordinal);
        var refused = new List<RefusedFile>();
        foreach (var failure in failed)
        {
            var kept = before.TryGetValue(failure.Id, out var old);
            if (kept) next[failure.Id] = old!;
            refused.Add(new RefusedFile(failure.File, failure.Path, failure.Message, kept));
        }

        string[] Sorted(IEnumerable<string> ids) => [.. ids.Order(StringComparer.Ordinal)];
        return new MergedFiles<T>(
            next,
            Sorted(next.Keys.Where(id => !before.ContainsKey(id))),
            Sorted(next.Where(e => before.TryGetValue(e.Key, out var old) && hashOf(old) != hashOf(e.Value)).Select(e => e.Key)),
            Sorted(before.Keys.Where(id => !next.ContainsKey(id))),
            refused);
    }
}
