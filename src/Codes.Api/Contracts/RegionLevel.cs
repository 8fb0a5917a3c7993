using System.Text.Json.Serialization;

namespace HealthCode.Api.Contracts;

/// <summary>
/// What one native level value means. Level is null where the value alone decides nothing (Beijing 弹窗): then
/// Details (sub-status → level) decide, and WorstCase is what a checkpoint must assume from the value alone.
/// </summary>
public sealed record RegionLevel(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Level,
    string WorstCase,
    string? SubStatus,
    IReadOnlyDictionary<string, string>? Details);
