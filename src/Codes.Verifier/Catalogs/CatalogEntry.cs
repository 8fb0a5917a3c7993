namespace HealthCode.Verifier.Catalogs;

/// <summary>One active profile or policy: its id, its "version" key (null when a profile has none) and the hash of its file.</summary>
public sealed record CatalogEntry(string Id, string? Version, string Hash);
