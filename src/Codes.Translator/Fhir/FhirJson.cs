using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using HealthCode.Translator.Fhir.Model;

namespace HealthCode.Translator.Fhir;

/// <summary>FHIR JSON (application/fhir+json) for the bundles of <see cref="FhirBundleWriter"/>.</summary>
public static class FhirJson
{
    public const string MediaType = "application/fhir+json";

    private static readonly JsonSerializerOptions Compact = Create(indented: false);
    private static readonly JsonSerializerOptions Indented = Create(indented: true);

    public static string Serialize(FhirBundle bundle, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        return JsonSerializer.Serialize(bundle, indented ? Indented : Compact);
    }

    public static byte[] SerializeToUtf8Bytes(FhirBundle bundle, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        return JsonSerializer.SerializeToUtf8Bytes(bundle, indented ? Indented : Compact);
    }

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            // FHIR forbids nulls: an absent element is left out.
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Names and native levels are Chinese/Portuguese; keep them readable instead of \uXXXX (HTML-sensitive characters stay escaped).
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
            WriteIndented = indented,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
