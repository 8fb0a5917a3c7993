using System.Text.Json;
using System.Text.Json.Serialization;
using HealthCode.Translator.Serialization;

namespace HealthCode.Api.Composition;

/// <summary>Responses use the canonical record's wire rules: camelCase, nulls omitted, levels and enums as words, UTC times with Z.</summary>
public static class JsonSetup
{
    public static IServiceCollection AddHealthCodeJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(o => Apply(o.SerializerOptions));

    public static void Apply(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Encoder = CanonicalJson.Options.Encoder;
        options.Converters.Add(new RiskLevelJsonConverter());
        options.Converters.Add(new UtcDateTimeOffsetJsonConverter());
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
    }
}
