using System.Text.Json;

namespace HealthCode.Translator.Normalization.Engine;

/// <summary>
/// Flattens a JSON object. An array the profile declares is flattened entry by entry (path/0, path/1, …); any other
/// array stays one opaque value, as nothing reads inside it.
/// </summary>
internal static class JsonPayloadReader
{
    private static readonly JsonDocumentOptions Options = new()
    {
        MaxDepth = PayloadReader.MaxDepth,
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
    };

    public static PayloadReadResult Read(ReadOnlySpan<byte> body, IReadOnlySet<string> arrays)
    {
        if (body.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            body = body[3..];
        }

        try
        {
            using var doc = JsonDocument.Parse(body.ToArray(), Options);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return PayloadReadResult.Malformed("the payload must be a JSON object");
            }

            var payload = new NativePayload();
            var duplicate = AddChildren(payload, doc.RootElement, null, null, arrays);
            return duplicate is null ? PayloadReadResult.Ok(payload) : PayloadReadResult.Malformed($"duplicate property '{NativePayload.Pointer(duplicate)}'");
        }
        catch (JsonException ex)
        {
            return PayloadReadResult.Malformed("malformed JSON: " + ex.Message);
        }
        catch (InvalidOperationException)
        {
            // JsonDocument.Parse does not decode strings; GetString / Name do, and throw on invalid UTF-8 or an
            // unpaired \uD800-style escape. That is bad input, not a fault (the message quotes no bytes).
            return PayloadReadResult.Malformed("malformed JSON: a string or property name is not valid UTF-8, or holds an unpaired surrogate escape");
        }
    }

    /// <summary>Adds an object's properties; returns the first duplicate path, if any.</summary>
    private static string? AddChildren(NativePayload payload, JsonElement obj, string? prefix, string? rulePrefix, IReadOnlySet<string> arrays)
    {
        foreach (var property in obj.EnumerateObject())
        {
            var (path, rulePath) = PayloadReader.Child(prefix, rulePrefix, EscapeKey(property.Name));
            if (Add(payload, path, rulePath, property.Value, arrays) is { } duplicate)
            {
                return duplicate;
            }
        }

        return null;
    }

    private static string? Add(NativePayload payload, string path, string rulePath, JsonElement value, IReadOnlySet<string> arrays)
    {
        var declaredArray = value.ValueKind == JsonValueKind.Array && arrays.Contains(rulePath);
        NativeNode node;
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                // A null is an absent field: regions send either.
                return null;
            case JsonValueKind.Object:
                node = new NativeNode(NodeKind.Object, string.Empty, value.EnumerateObject().Any());
                break;
            case JsonValueKind.String:
                node = new NativeNode(NodeKind.String, value.GetString()!, false);
                break;
            case JsonValueKind.Number:
                node = new NativeNode(NodeKind.Number, value.GetRawText(), false);
                break;
            case JsonValueKind.True:
            case JsonValueKind.False:
                node = new NativeNode(NodeKind.Boolean, value.GetRawText(), false);
                break;
            default:
                node = declaredArray
                    ? new NativeNode(NodeKind.Array, string.Empty, value.GetArrayLength() > 0)
                    : new NativeNode(NodeKind.Array, value.GetRawText(), false);
                break;
        }

        if (!payload.Add(path, rulePath, node))
        {
            return path;
        }

        if (declaredArray)
        {
            var index = 0;
            foreach (var entry in value.EnumerateArray())
            {
                // Entries keep the array's rule path: a profile names "nat/result", whichever entry is read. A null entry
                // stays an (empty) entry so indexes, and so error pointers, match the payload.
                var entryPath = $"{path}/{index++}";
                var duplicate = entry.ValueKind == JsonValueKind.Null
                    ? payload.Add(entryPath, rulePath, new NativeNode(NodeKind.Object, string.Empty, false)) ? null : entryPath
                    : Add(payload, entryPath, rulePath, entry, arrays);
                if (duplicate is not null)
                {
                    return duplicate;
                }
            }
        }
        else if (node.HasChildren)
        {
            return AddChildren(payload, value, path, rulePath, arrays);
        }

        return null;
    }

    private static string EscapeKey(string key) =>
        key.Contains('~') || key.Contains('/') ? key.Replace("~", "~0").Replace("/", "~1") : key;
}
