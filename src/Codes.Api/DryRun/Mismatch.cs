using System.Text.Json;
using System.Text.Json.Serialization;

namespace HealthCode.Api.DryRun;

/// <summary>An expected canonical value the record does not have. Actual is null when the record lacks the field.</summary>
public sealed record Mismatch(
    string Field,
    JsonElement Expected,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] JsonElement? Actual);
