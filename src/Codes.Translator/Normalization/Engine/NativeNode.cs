namespace HealthCode.Translator.Normalization.Engine;

/// <summary>One node of a payload, flattened: Text is the string value, the raw number, or the XML text.</summary>
internal readonly record struct NativeNode(NodeKind Kind, string Text, bool HasChildren)
{
    public bool IsEmpty => Kind is NodeKind.String or NodeKind.XmlText && Text.Length == 0;

    public bool TryGetInteger(out long value)
    {
        value = 0;
        return Kind is NodeKind.Number or NodeKind.XmlText
            && long.TryParse(Text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out value);
    }

    /// <summary>The value as a profile map key: integers in canonical decimal form so that JSON 2 and XML "2" both match "2".</summary>
    public string KeyText(NativeType type) => type == NativeType.Integer && TryGetInteger(out var n)
        ? n.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : Text;
}
