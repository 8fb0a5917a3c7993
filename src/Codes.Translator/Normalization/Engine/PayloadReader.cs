using System.Text.Json;
using System.Xml;
using HealthCode.Translator.Profiles;

namespace HealthCode.Translator.Normalization.Engine;

/// <summary>Parses a native body into a <see cref="NativePayload"/> with hard limits: payloads come from outside.</summary>
internal static class PayloadReader
{
    public const int MaxDepth = 16;
    public const int MaxBytes = 256 * 1024;

    private static readonly JsonDocumentOptions JsonOptions = new()
    {
        MaxDepth = MaxDepth,
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
    };

    private static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxBytes,
        MaxCharactersFromEntities = 0,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = true,
    };

    public static PayloadReadResult Read(ProfilePlan plan, ReadOnlySpan<byte> body)
    {
        if (body.Length > MaxBytes)
        {
            return PayloadReadResult.Malformed($"payload exceeds {MaxBytes} bytes");
        }

        return plan.Definition.Format == PayloadFormat.Xml ? ReadXml(plan.Definition.XmlRoot, body) : ReadJson(body);
    }

    private static PayloadReadResult ReadJson(ReadOnlySpan<byte> body)
    {
        if (body.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            body = body[3..];
        }

        try
        {
            using var doc = JsonDocument.Parse(body.ToArray(), JsonOptions);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return PayloadReadResult.Malformed("the payload must be a JSON object");
            }

            var payload = new NativePayload();
            var duplicate = AddJsonChildren(payload, doc.RootElement, prefix: null);
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

    private static string? AddJsonChildren(NativePayload payload, JsonElement obj, string? prefix)
    {
        foreach (var property in obj.EnumerateObject())
        {
            var key = EscapeKey(property.Name);
            var path = prefix is null ? key : prefix + "/" + key;
            var value = property.Value;
            NativeNode node;
            switch (value.ValueKind)
            {
                case JsonValueKind.Null:
                    // A null is an absent field: regions send either.
                    continue;
                case JsonValueKind.Object:
                    var hasChildren = value.EnumerateObject().Any();
                    node = new NativeNode(NodeKind.Object, string.Empty, hasChildren);
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
                    node = new NativeNode(NodeKind.Array, value.GetRawText(), false);
                    break;
            }

            if (!payload.Add(path, node))
            {
                return path;
            }

            if (node.HasChildren)
            {
                var duplicate = AddJsonChildren(payload, value, path);
                if (duplicate is not null)
                {
                    return duplicate;
                }
            }
        }

        return null;
    }

    private static string EscapeKey(string key) =>
        key.Contains('~') || key.Contains('/') ? key.Replace("~", "~0").Replace("/", "~1") : key;

    private static PayloadReadResult ReadXml(string? xmlRoot, ReadOnlySpan<byte> body)
    {
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(body.ToArray(), writable: false), XmlSettings);
            if (reader.MoveToContent() != XmlNodeType.Element)
            {
                return PayloadReadResult.Malformed("the payload has no root element");
            }

            if (xmlRoot is not null && reader.Name != xmlRoot)
            {
                return PayloadReadResult.Invalid("/", $"the root element must be <{xmlRoot}>, not <{reader.Name}>");
            }

            var payload = new NativePayload();
            var error = ReadXmlElement(reader, payload, path: null, depth: 1);
            return error is null ? PayloadReadResult.Ok(payload) : PayloadReadResult.Malformed(error);
        }
        catch (XmlException ex) when (ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            // Named as a field so integrators see what to remove; the parser's own text only tells how to enable DTDs.
            return PayloadReadResult.Invalid("/!DOCTYPE", "DTDs are refused: no DOCTYPE, no entity declarations");
        }
        catch (XmlException ex)
        {
            return PayloadReadResult.Malformed("malformed XML: " + ex.Message);
        }
    }

    /// <summary>Reader is on a start element; adds it (unless it is the root), its attributes and its children, and leaves the reader after its end.</summary>
    private static string? ReadXmlElement(XmlReader reader, NativePayload payload, string? path, int depth)
    {
        if (depth > MaxDepth)
        {
            return $"XML nested deeper than {MaxDepth}";
        }

        var hasChildren = false;
        if (reader.HasAttributes)
        {
            while (reader.MoveToNextAttribute())
            {
                if (reader.Prefix == "xmlns" || reader.Name == "xmlns")
                {
                    continue;
                }

                hasChildren = true;
                var attrPath = (path is null ? "@" : path + "/@") + reader.Name;
                if (!payload.Add(attrPath, new NativeNode(NodeKind.XmlText, reader.Value, false)))
                {
                    return $"duplicate attribute '{NativePayload.Pointer(attrPath)}'";
                }
            }

            reader.MoveToElement();
        }

        string? text = null;
        if (reader.IsEmptyElement)
        {
            reader.Read();
        }
        else
        {
            reader.Read();
            while (reader.NodeType != XmlNodeType.EndElement)
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        hasChildren = true;
                        var childPath = path is null ? reader.Name : path + "/" + reader.Name;
                        var error = ReadXmlElement(reader, payload, childPath, depth + 1);
                        if (error is not null)
                        {
                            return error;
                        }

                        break;
                    case XmlNodeType.Text:
                    case XmlNodeType.CDATA:
                    case XmlNodeType.SignificantWhitespace:
                        text += reader.Value;
                        reader.Read();
                        break;
                    case XmlNodeType.None:
                        return "unexpected end of the XML document";
                    default:
                        reader.Read();
                        break;
                }
            }

            reader.Read();
        }

        if (path is null)
        {
            return null;
        }

        if (hasChildren && !string.IsNullOrWhiteSpace(text))
        {
            return $"mixed text and child elements in '{NativePayload.Pointer(path)}'";
        }

        var node = hasChildren ? new NativeNode(NodeKind.Object, string.Empty, true) : new NativeNode(NodeKind.XmlText, text ?? string.Empty, false);
        return payload.Add(path, node) ? null : $"duplicate element '{NativePayload.Pointer(path)}'";
    }
}
