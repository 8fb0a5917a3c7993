using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HealthCode.Cli.Conformance;

/// <summary>
/// Compares a vector's expected canonical fields with a record: paths are dotted (code.statusAt), null means absent,
/// times compare as instants (so "+08:00" and "Z" forms of one moment agree) and numbers by value.
/// </summary>
public static class CanonicalFieldMatcher
{
    public static IEnumerable<string> Mismatches(IReadOnlyDictionary<string, JsonNode?> expected, JsonObject record)
    {
        var actual = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        Flatten(record, "", actual);
        foreach (var (path, want) in expected)
        {
            actual.TryGetValue(path, out var got);
            if (want is null && got is null) continue;
            if (want is null) yield return $"{path}: expected absent, got {got!.ToJsonString()}";
            else if (got is null) yield return $"{path}: expected {want.ToJsonString()}, absent";
            else if (!Same(want, got)) yield return $"{path}: expected {want.ToJsonString()}, got {got.ToJsonString()}";
        }
    }

    private static void Flatten(JsonObject node, string prefix, Dictionary<string, JsonNode> into)
    {
        foreach (var (name, value) in node)
        {
            if (value is JsonObject child) Flatten(child, prefix + name + ".", into);
            else if (value is not null) into[prefix + name] = value;
        }
    }

    private static bool Same(JsonNode want, JsonNode got)
    {
        var kind = want.GetValueKind();
        if (kind != got.GetValueKind()) return false;
        return kind switch
        {
            JsonValueKind.Number => want.GetValue<decimal>() == got.GetValue<decimal>(),
            JsonValueKind.String when Instant(want.GetValue<string>()) is { } a && Instant(got.GetValue<string>()) is { } b => a == b,
            _ => JsonNode.DeepEquals(want, got),
        };
    }

    private static DateTimeOffset? Instant(string text) =>
        text.Length >= 16 && text[10] == 'T'
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var instant)
            ? instant
            : null;
}
