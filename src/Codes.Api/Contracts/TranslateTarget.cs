using System.Text.Json.Serialization;

namespace HealthCode.Api.Contracts;

/// <summary>NativeLevel is null (and present) when the target's vocabulary has no value meaning exactly the level.</summary>
public sealed record TranslateTarget(
    string Region,
    string Label,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? NativeLevel);
