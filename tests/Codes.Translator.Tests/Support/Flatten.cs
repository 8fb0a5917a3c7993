using System.Text.Json;

namespace HealthCode.Translator.Tests.Support;

/// <summary>Flattens JSON to dotted keys ("code.level") with comparable text values, the form the fixtures' expected files use.</summary>
internal static class Flatten
{
    public static Dictionary<string, string> Json(JsonElement element)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        Walk(element, null, result);
        return result;
    }

    private static void Walk(JsonElement element, string? prefix, Dictionary<string, string> into)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                Walk(property.Value, prefix is null ? property.Name : prefix + "." + property.Name, into);
            }

            return;
        }

        into[prefix!] = element.ValueKind switch
        {
            JsonValueKind.String => element.GetString()!,
            _ => element.GetRawText(),
        };
    }
}
