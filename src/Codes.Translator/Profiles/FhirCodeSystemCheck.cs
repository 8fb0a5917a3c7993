using System.Text.Json;

namespace HealthCode.Translator.Profiles;

/// <summary>
/// Whether a region's native levels are published as a FHIR CodeSystem (schemas/fhir/CodeSystem-native-level-&lt;id&gt;.json).
/// Without one, FHIR output still carries the native level but points at a CodeSystem nobody can resolve. The FHIR files
/// are data the caller passes in (name → JSON text), so this stays pure.
/// </summary>
public static class FhirCodeSystemCheck
{
    public static string FileNameFor(string regionId) => $"CodeSystem-native-level-{regionId}.json";

    public static IReadOnlyList<ProfileWarning> Warnings(RegionProfile profile, IReadOnlyDictionary<string, string> fhirFiles)
    {
        var name = FileNameFor(profile.Id);
        if (!fhirFiles.TryGetValue(name, out var json))
        {
            return [new ProfileWarning("id", $"region {profile.Id} has no FHIR CodeSystem {name}: FHIR output names a code system that is not published")];
        }

        var codes = ConceptCodes(json);
        if (codes is null)
        {
            return [new ProfileWarning("id", $"{name} is not a CodeSystem with a concept list")];
        }

        var levelField = $"fields[{profile.Definition.Fields.ToList().FindIndex(f => f.To == Canonical.CanonicalFields.CodeNativeLevel)}]";
        return profile.Vocabulary.Entries.Keys
            .Where(native => !codes.Contains(native))
            .Select(native => new ProfileWarning($"{levelField}.map.{native}", $"'{native}' is not a concept of {name}"))
            .ToArray();
    }

    private static HashSet<string>? ConceptCodes(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("concept", out var concepts) || concepts.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            return concepts.EnumerateArray()
                .Select(c => c.ValueKind == JsonValueKind.Object && c.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String ? code.GetString() : null)
                .OfType<string>()
                .ToHashSet(StringComparer.Ordinal);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
