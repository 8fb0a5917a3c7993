namespace HealthCode.Translator.Profiles;

/// <summary>The loaded region profiles, compiled: what it hands out is what the normalizer runs.</summary>
public interface IRegionCatalog
{
    IReadOnlyList<RegionProfile> All { get; }
    RegionProfile? Find(string regionId);
    /// <summary>Every profile whose code pattern matches the scanned text (zero, one, or ambiguous many).</summary>
    IReadOnlyList<RegionProfile> DetectIssuers(string code);
}
