using System.Text.Json.Serialization;

namespace HealthCode.Translator.Profiles;

/// <summary>How a region sends its payload; written "json" or "xml" in a profile.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PayloadFormat>))]
public enum PayloadFormat
{
    [JsonStringEnumMemberName("json")]
    Json,

    [JsonStringEnumMemberName("xml")]
    Xml,
}
