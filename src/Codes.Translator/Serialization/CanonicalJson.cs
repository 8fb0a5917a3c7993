using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using HealthCode.Translator.Canonical;

namespace HealthCode.Translator.Serialization;

/// <summary>The wire form of the canonical record (DESIGN.md §3): camelCase, nulls omitted, levels as words, UTC times with Z.</summary>
public static class CanonicalJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static string Serialize(CanonicalRecord record) => JsonSerializer.Serialize(record, Options);

    public static byte[] SerializeToUtf8Bytes(CanonicalRecord record) => JsonSerializer.SerializeToUtf8Bytes(record, Options);

    public static CanonicalRecord? Deserialize(string json) => JsonSerializer.Deserialize<CanonicalRecord>(json, Options);

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.Converters.Add(new RiskLevelJsonConverter());
        options.Converters.Add(new UtcDateTimeOffsetJsonConverter());
        options.MakeReadOnly();
        return options;
    }
}
