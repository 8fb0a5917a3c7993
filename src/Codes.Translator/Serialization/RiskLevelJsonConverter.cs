using System.Text.Json;
using System.Text.Json.Serialization;
using HealthCode.Translator.Canonical;

namespace HealthCode.Translator.Serialization;

public sealed class RiskLevelJsonConverter : JsonConverter<RiskLevel>
{
    public override RiskLevel Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        RiskLevels.TryParse(reader.GetString(), out var level) ? level : throw new JsonException($"'{reader.GetString()}' is not a canonical level");

    public override void Write(Utf8JsonWriter writer, RiskLevel value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToWire());
}
