using System.Text.Json.Serialization;

namespace HealthCode.Verifier.Regional.Snapshots;

[JsonConverter(typeof(JsonStringEnumConverter<SnapshotState>))]
public enum SnapshotState
{
    [JsonStringEnumMemberName("running")] Running,
    [JsonStringEnumMemberName("done")] Done,
    [JsonStringEnumMemberName("failed")] Failed,
}
