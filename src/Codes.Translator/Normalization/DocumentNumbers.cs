namespace HealthCode.Translator.Normalization;

/// <summary>Canonical document-number form (DESIGN.md §3): upper case, no spaces, no brackets, ASCII or full-width.</summary>
public static class DocumentNumbers
{
    public static string Normalize(string number)
    {
        Span<char> buffer = number.Length <= 64 ? stackalloc char[number.Length] : new char[number.Length];
        var length = 0;
        foreach (var c in number)
        {
            if (char.IsWhiteSpace(c) || c is '(' or ')' or '（' or '）' or '[' or ']' or '【' or '】' or '［' or '］')
            {
                continue;
            }

            // Full-width ASCII (Ａ-Ｚ, ０-９) is common in hand-keyed Chinese data; fold it to ASCII.
            var folded = c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c;
            buffer[length++] = char.ToUpperInvariant(folded);
        }

        return new string(buffer[..length]);
    }
}
