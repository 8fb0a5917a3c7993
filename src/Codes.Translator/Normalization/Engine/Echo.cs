namespace HealthCode.Translator.Normalization.Engine;

/// <summary>Quotes a native value in an error message, cut short: a 60 000-character field must not come back whole.</summary>
internal static class Echo
{
    private const int MaxChars = 64;

    public static string Quote(string? text)
    {
        text ??= "";
        return text.Length <= MaxChars ? $"'{text}'" : $"'{text[..MaxChars]}…' ({text.Length} characters)";
    }
}
