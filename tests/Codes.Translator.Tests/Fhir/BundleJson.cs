using System.Globalization;
using System.Text.Json.Nodes;
using HealthCode.Translator.Canonical;
using HealthCode.Translator.Fhir;

namespace HealthCode.Translator.Tests.Fhir;

/// <summary>A bundle as a client reads it: the serialized JSON, navigated by resource type.</summary>
internal static class BundleJson
{
    public static JsonObject Of(CanonicalRecord record) =>
        JsonNode.Parse(FhirJson.Serialize(FhirBundleWriter.ToBundle(record)))!.AsObject();

    public static IEnumerable<JsonObject> Resources(JsonObject bundle, string type) =>
        bundle["entry"]!.AsArray().Select(e => e!["resource"]!.AsObject()).Where(r => r["resourceType"]!.GetValue<string>() == type);

    public static JsonObject StatusObservation(JsonObject bundle) =>
        Resources(bundle, "Observation").Single(o => o["code"]!["coding"]![0]!["code"]!.GetValue<string>() == "health-code-status");

    /// <summary>How the bundles write a time: UTC, Z, whole seconds (the samples have no fractions).</summary>
    public static string Utc(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
