using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HealthCode.Api.DryRun;

/// <summary>
/// Compares a sample's expected values (canonical dotted fields, as in the fixtures' *.expected.json) with the record's
/// wire form. Times compare as instants, so "+08:00" and "Z" spellings of one moment agree.
/// </summary>
public static class Expectations
{
    public static IReadOnlyList<Mismatch> Compare(JsonNode record, IReadOnlyDictionary<string, JsonElement>? expected)
    {
        if (expected is null || expected.Count == 0) return [];
        var mismatches = new List<Mismatch>();
        foreach (var (field, want) in expected.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var actual = Find(record, field);
            if (!Same(field, want, actual))
                mismatches.Add(new Mismatch(field, want.Clone(), actual is null ? null : JsonSerializer.SerializeToElement(actual)));
        }
        return mismatches;
    }

    private static JsonNode? Find(JsonNode record, string field)
    {
        var node = record;
        foreach (var segment in field.Split('.'))
        {
            node = (node as JsonObject)?[segment];
            if (node is null) return null;
        }
        return node;
    }

    private static bool Same(string field, JsonElement want, JsonNode? actual)
    {
        if (actual is null) return want.ValueKind == JsonValueKind.Null;
        if (DryRunEngine.IsTimeField(field) && want.ValueKind == JsonValueKind.String
            && actual is JsonValue value && value.TryGetValue<string>(out var text)
            && TryInstant(want.GetString(), out var expectedAt) && TryInstant(text, out var actualAt))
            return expectedAt == actualAt;
        return JsonNode.DeepEquals(JsonNode.Parse(want.GetRawText()), actual);
    }

    private static bool TryInstant(string? text, out DateTimeOffset instant) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant);
}
