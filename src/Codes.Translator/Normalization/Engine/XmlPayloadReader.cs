using System.Xml;

namespace HealthCode.Translator.Normalization.Engine;

/// <summary>
/// Flattens an XML document below its root: elements by name, attributes as "@name" (an element may carry attributes and
/// text together). An element the profile declares as an array may repeat (path/0, path/1, …); any other repeat is refused.
/// </summary>
internal static class XmlPayloadReader
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = PayloadReader.MaxBytes,
        MaxCharactersFromEntities = 0,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = true,
    };

    public static PayloadReadResult Read(ReadOnlySpan<byte> body, string? xmlRoot, XmlNaming naming, IReadOnlySet<string> arrays)
    {
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(body.ToArray(), writable: false), Settings);
            if (reader.MoveToContent() != XmlNodeType.Element)
            {
                return PayloadReadResult.Malformed("the payload has no root element");
            }

            var root = naming.Element(reader.NamespaceURI, reader.LocalName);
            if (xmlRoot is not null && root != xmlRoot)
            {
                return PayloadReadResult.Invalid("/", $"the root element must be <{xmlRoot}>, not <{root}>");
            }

            var payload = new NativePayload();
            var error = new Element(payload, naming, arrays).Read(reader, null, null, depth: 1);
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

    private sealed class Element(NativePayload payload, XmlNaming naming, IReadOnlySet<string> arrays)
    {
        /// <summary>Reader is on a start element; adds it (unless it is the root), its attributes and its children, and leaves the reader after its end.</summary>
        public string? Read(XmlReader reader, string? path, string? rulePath, int depth)
        {
            if (depth > PayloadReader.MaxDepth)
            {
                return $"XML nested deeper than {PayloadReader.MaxDepth}";
            }

            var hasAttributes = false;
            while (reader.MoveToNextAttribute())
            {
                if (reader.NamespaceURI == XmlNaming.XmlnsNamespace)
                {
                    continue;
                }

                hasAttributes = true;
                var (attrPath, attrRulePath) = PayloadReader.Child(path, rulePath, naming.Attribute(reader.NamespaceURI, reader.LocalName));
                if (!payload.Add(attrPath, attrRulePath, new NativeNode(NodeKind.XmlText, reader.Value, false)))
                {
                    return $"duplicate attribute '{NativePayload.Pointer(attrPath)}'";
                }
            }

            reader.MoveToElement();
            var (text, hasElements, error) = ReadContent(reader, path, rulePath, depth);
            if (error is not null || path is null)
            {
                return error;
            }

            if (hasElements && !string.IsNullOrWhiteSpace(text))
            {
                return $"mixed text and child elements in '{NativePayload.Pointer(path)}'";
            }

            // Attributes alone group like child elements; with text, the text is the element's value and the attributes sit beside it.
            var node = hasElements || (hasAttributes && string.IsNullOrEmpty(text))
                ? new NativeNode(NodeKind.Object, string.Empty, true)
                : new NativeNode(NodeKind.XmlText, text ?? string.Empty, false);
            return payload.Add(path, rulePath!, node) ? null : $"duplicate element '{NativePayload.Pointer(path)}'";
        }

        private (string? Text, bool HasElements, string? Error) ReadContent(XmlReader reader, string? path, string? rulePath, int depth)
        {
            if (reader.IsEmptyElement)
            {
                reader.Read();
                return (null, false, null);
            }

            string? text = null;
            var hasElements = false;
            Dictionary<string, int>? repeats = null;
            reader.Read();
            while (reader.NodeType != XmlNodeType.EndElement)
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        hasElements = true;
                        var (childPath, childRulePath) = PayloadReader.Child(path, rulePath, naming.Element(reader.NamespaceURI, reader.LocalName));
                        if (arrays.Contains(childRulePath))
                        {
                            repeats ??= new Dictionary<string, int>(StringComparer.Ordinal);
                            var index = repeats.GetValueOrDefault(childRulePath);
                            repeats[childRulePath] = index + 1;
                            if (index == 0)
                            {
                                payload.Add(childPath, childRulePath, new NativeNode(NodeKind.Array, string.Empty, true));
                            }

                            childPath = $"{childPath}/{index}";
                        }

                        if (Read(reader, childPath, childRulePath, depth + 1) is { } error)
                        {
                            return (null, true, error);
                        }

                        break;
                    case XmlNodeType.Text:
                    case XmlNodeType.CDATA:
                    case XmlNodeType.SignificantWhitespace:
                        text += reader.Value;
                        reader.Read();
                        break;
                    case XmlNodeType.None:
                        return (null, hasElements, "unexpected end of the XML document");
                    default:
                        reader.Read();
                        break;
                }
            }

            reader.Read();
            return (text, hasElements, null);
        }
    }
}
