using System.Globalization;

namespace HealthCode.Translator.Normalization.Engine;

/// <summary>
/// One node of a payload, flattened: Text is the string value, the raw number or boolean, or the XML text. A declared
/// array has no text of its own (its entries are nodes below it), so an empty one is empty like an empty string.
/// </summary>
internal readonly record struct NativeNode(NodeKind Kind, string Text, bool HasChildren)
{
    public bool IsEmpty => Text.Length == 0 && !HasChildren && Kind is NodeKind.String or NodeKind.XmlText or NodeKind.Array;

    public bool TryGetInteger(out long value)
    {
        value = 0;
        return Kind is NodeKind.Number or NodeKind.XmlText
            && long.TryParse(Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>JSON true/false; in XML the xs:boolean spellings true, false, 1 and 0.</summary>
    public bool TryGetBoolean(out bool value)
    {
        value = Text is "true" or "1";
        return Kind switch
        {
            NodeKind.Boolean => true,
            NodeKind.XmlText => Text is "true" or "false" or "1" or "0",
            _ => false,
        };
    }

    /// <summary>The value as a profile map key: integers in canonical decimal form so that JSON 2 and XML "2" both match "2"; booleans as true/false.</summary>
    public string KeyText(NativeType type) => type switch
    {
        NativeType.Integer when TryGetInteger(out var n) => n.ToString(CultureInfo.InvariantCulture),
        NativeType.Boolean when TryGetBoolean(out var b) => b ? "true" : "false",
        _ => Text,
    };

    public NativeNode WithText(string text) => this with { Text = text };
}
