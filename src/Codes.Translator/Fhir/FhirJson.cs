using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace HealthCode.Translator.Fhir;

/// <summary>FHIR JSON (application/fhir+json) for the bundles of <see cref="FhirBundleWriter"/>, written by the Firely SDK.</summary>
public static class FhirJson
{
    public const string MediaType = "application/fhir+json";

    // ForFhir() installs the SDK's converters; of the SDK's serializers this one is the fastest, and the options are reusable.
    private static readonly JsonSerializerOptions Compact = new JsonSerializerOptions().ForFhir();
    private static readonly JsonSerializerOptions Indented = new JsonSerializerOptions { WriteIndented = true }.ForFhir();

    public static string Serialize(Bundle bundle, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        return JsonSerializer.Serialize(bundle, indented ? Indented : Compact);
    }

    public static byte[] SerializeToUtf8Bytes(Bundle bundle, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        return JsonSerializer.SerializeToUtf8Bytes(bundle, indented ? Indented : Compact);
    }
}
