using HealthCode.Translator.Profiles;

namespace HealthCode.Api.DryRun;

/// <summary>The loaded profiles with a draft in its region's place (or added, for a new region); shared by nothing else.</summary>
internal sealed class DraftOverlayCatalog(IRegionCatalog active, RegionProfile draft) : IRegionCatalog
{
    public IReadOnlyList<RegionProfile> All { get; } =
        [.. active.All.Where(p => p.Id != draft.Id).Append(draft).OrderBy(p => p.Id, StringComparer.Ordinal)];

    public RegionProfile? Find(string regionId) => regionId == draft.Id ? draft : active.Find(regionId);

    public IReadOnlyList<RegionProfile> DetectIssuers(string code)
    {
        var found = active.DetectIssuers(code).Where(p => p.Id != draft.Id).ToList();
        // MatchesCode fails closed: a draft pattern that cannot decide in time does not claim the code.
        if (draft.MatchesCode(code)) found.Add(draft);
        return [.. found.OrderBy(p => p.Id, StringComparer.Ordinal)];
    }
}
