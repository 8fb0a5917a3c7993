namespace HealthCode.Verifier.Catalogs;

/// <summary>
/// What one reload of one catalogue did: every entry active afterwards, the ids added, updated (new content hash) and
/// removed (file gone), and the files refused.
/// </summary>
public sealed record CatalogReload(
    IReadOnlyList<CatalogEntry> Active,
    IReadOnlyList<string> Added,
    IReadOnlyList<string> Updated,
    IReadOnlyList<string> Removed,
    IReadOnlyList<RefusedFile> Refused)
{
    public bool Changed => Added.Count + Updated.Count + Removed.Count > 0;
}
