namespace HealthCode.Translator.Normalization.Engine;

internal static class TextTransforms
{
    public static TextTransform Parse(IReadOnlyList<string>? names, string at, ProfileErrors errors)
    {
        var transform = TextTransform.None;
        foreach (var name in names ?? [])
        {
            transform |= name switch
            {
                "trim" => TextTransform.Trim,
                "upper-case" => TextTransform.UpperCase,
                "lower-case" => TextTransform.LowerCase,
                _ => Unknown(name, at, errors),
            };
        }

        if (transform.HasFlag(TextTransform.UpperCase) && transform.HasFlag(TextTransform.LowerCase))
        {
            errors.Add(at, "upper-case and lower-case contradict each other");
        }

        return transform;
    }

    public static string Apply(this TextTransform transform, string text)
    {
        if (transform.HasFlag(TextTransform.Trim))
        {
            text = text.Trim();
        }

        if (transform.HasFlag(TextTransform.UpperCase))
        {
            text = text.ToUpperInvariant();
        }
        else if (transform.HasFlag(TextTransform.LowerCase))
        {
            text = text.ToLowerInvariant();
        }

        return text;
    }

    /// <summary>Only text is transformed: a JSON number or boolean is already exact.</summary>
    public static NativeNode Apply(this TextTransform transform, NativeNode node) =>
        transform == TextTransform.None || node.Kind is not (NodeKind.String or NodeKind.XmlText) ? node : node.WithText(transform.Apply(node.Text));

    private static TextTransform Unknown(string name, string at, ProfileErrors errors)
    {
        errors.Add(at, $"'{name}' is not trim, upper-case or lower-case");
        return TextTransform.None;
    }
}
