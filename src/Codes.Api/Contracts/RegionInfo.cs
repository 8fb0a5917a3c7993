namespace HealthCode.Api.Contracts;

/// <summary>A region profile as clients need it: labels per canonical level, and levels keyed by the native value.</summary>
public sealed record RegionInfo(
    string Id,
    string Name,
    string Format,
    string CodePattern,
    string MaxStatusAge,
    string TimeZone,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, RegionLevel> Levels);
