namespace HealthCode.Api.Contracts;

/// <summary>
/// A region profile as clients need it: labels per canonical level, levels keyed by the native value, and which file
/// is active (its "version" key, null when it has none, and the first 16 hex digits of the SHA-256 of its bytes).
/// </summary>
public sealed record RegionInfo(
    string Id,
    string Name,
    string Format,
    string CodePattern,
    string MaxStatusAge,
    string TimeZone,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, RegionLevel> Levels,
    string? Version,
    string Hash);
