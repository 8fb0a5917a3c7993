using System.Text.Json.Serialization;

namespace HealthCode.Verifier.Ingestion;

/// <summary>hc-kind: what an event asks of the store. On the wire as the lowercase word; absent means status.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EventKind>))]
public enum EventKind
{
    [JsonStringEnumMemberName("status")] Status,
    [JsonStringEnumMemberName("revoke")] Revoke,
}
