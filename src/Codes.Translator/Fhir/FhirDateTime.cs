using System.Globalization;

namespace HealthCode.Translator.Fhir;

/// <summary>FHIR dateTime/instant text: always UTC with an explicit Z, seconds always present (the schema pattern needs them).</summary>
internal static class FhirDateTime
{
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
