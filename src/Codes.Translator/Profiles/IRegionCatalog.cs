namespace HealthCode.Translator.Profiles;

/// <summary>The loaded region profiles. Loaded once from a folder; a profile that fails its schema stops start-up.</summary>
public interface IRegionCatalog
{
    IReadOnlyList<RegionProfile> All { get; }
    RegionProfile? Find(string regionId);
    /// <summary>Every profile whose code pattern matches the scanned text (zero, one, or ambiguous many).</summary>
    IReadOnlyList<RegionProfile> DetectIssuers(string code);
}
