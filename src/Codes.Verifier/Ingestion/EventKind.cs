using System.Text.Json.Serialization;

namespace HealthCode.Verifier.Ingestion;

/// <summary>
/// hc-kind: what an event asks of the hub. On the wire as the lowercase word; absent means status. A heartbeat carries
/// no status: it proves its region alive (docs/regional-systems.md) and touches no code.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<EventKind>))]
public enum EventKind
{
    [JsonStringEnumMemberName("status")] Status,
    [JsonStringEnumMemberName("revoke")] Revoke,
    [JsonStringEnumMemberName("heartbeat")] Heartbeat,
}
