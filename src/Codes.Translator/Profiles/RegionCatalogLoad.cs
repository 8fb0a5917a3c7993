namespace HealthCode.Translator.Profiles;

/// <summary>
/// A folder of profiles read file by file: those that compiled, and the problems of those that did not. A reload can
/// keep the previous version of each failed region and take every good file.
/// </summary>
public sealed record RegionCatalogLoad(IReadOnlyList<RegionProfile> Profiles, IReadOnlyList<ProfileFileErrors> Failures)
{
    public bool Succeeded => Failures.Count == 0;
}
