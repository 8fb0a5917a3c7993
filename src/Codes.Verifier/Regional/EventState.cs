using System.Text.Json.Serialization;

namespace HealthCode.Verifier.Regional;

/// <summary>What became of one event, as its region may ask (GET /v1/regions/{region}/status-events/{messageId}).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EventState>))]
public enum EventState
{
    /// <summary>Handed to the broker over HTTP; the consumer has not decided yet.</summary>
    [JsonStringEnumMemberName("pending")] Pending,
    /// <summary>Its sequence was news: the store (or, for a heartbeat, the region's freshness) took it.</summary>
    [JsonStringEnumMemberName("applied")] Applied,
    /// <summary>The hub already held a higher sequence: a late event, a no-op.</summary>
    [JsonStringEnumMemberName("superseded")] Superseded,
    /// <summary>The hub already held this sequence: an idempotent replay, a no-op.</summary>
    [JsonStringEnumMemberName("duplicate")] Duplicate,
    /// <summary>Refused (reason, field pointers): also in the region's rejections feed and the error queue.</summary>
    [JsonStringEnumMemberName("rejected")] Rejected,
}
