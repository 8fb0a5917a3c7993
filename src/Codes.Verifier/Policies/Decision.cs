using System.Text.Json.Serialization;

namespace HealthCode.Verifier.Policies;

/// <summary>Ordered by how much it lets through: only Accept passes a gate. On the wire as the lowercase word.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Decision>))]
public enum Decision
{
    [JsonStringEnumMemberName("accept")] Accept,
    [JsonStringEnumMemberName("deny")] Deny,
    [JsonStringEnumMemberName("manual")] Manual,
}
