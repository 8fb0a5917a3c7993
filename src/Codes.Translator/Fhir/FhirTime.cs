using System.Globalization;
using Hl7.Fhir.Model;

namespace HealthCode.Translator.Fhir;

/// <summary>
/// FHIR dateTime/instant values: always UTC with an explicit Z and seconds present, so the same record gives the
/// same text whatever offset the region reported (the SDK would write the offset as given, e.g. +08:00 or +00:00).
/// </summary>
internal static class FhirTime
{
    public static FhirDateTime DateTime(DateTimeOffset value) => new(Format(value));

    // Instant's JsonValue is the FHIR JSON text; setting it keeps the Z that Instant(DateTimeOffset) would turn into +00:00.
    public static Instant Instant(DateTimeOffset value) => new() { JsonValue = Format(value) };

    private static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
