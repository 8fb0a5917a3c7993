using System.Text.Json;
using HealthCode.Translator.Normalization.Engine;

namespace HealthCode.Translator.Schemas;

/// <summary>
/// A key written twice in a profile (two entries for "G" in a map) would silently keep only one: reported instead, at the
/// path of the repeated key.
/// </summary>
internal static class DuplicateKeys
{
    public static void Report(JsonElement element, ProfileErrors errors) => Walk(element, null, errors);

    private static void Walk(JsonElement element, string? path, ProfileErrors errors)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    var child = path is null ? property.Name : $"{path}.{property.Name}";
                    if (!seen.Add(property.Name))
                    {
                        errors.Add(child, "is written more than once");
                    }

                    Walk(property.Value, child, errors);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, $"{path ?? "$"}[{index++}]", errors);
                }

                break;
        }
    }
}
