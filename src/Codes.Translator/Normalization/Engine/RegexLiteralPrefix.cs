namespace HealthCode.Translator.Normalization.Engine;

/// <summary>
/// The literal text every match of a pattern must start with, read conservatively from the pattern's text, so that a
/// scanned code can skip a region's regex when it cannot match (issuer detection tries every region's pattern on every
/// verify). Only the plain case is read: a leading '^' followed by letters, digits, '-' or '_', in a pattern with no '|'
/// anywhere; a quantified last character is left out. Anything else gives "" (no shortcut: the regex alone decides).
/// An empty prefix never changes an answer; a non-empty one only skips regexes that would have said no.
/// </summary>
internal static class RegexLiteralPrefix
{
    public static string Of(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        // An alternation can put anything first ("^A|B"); inline options such as (?i) or (?x) start with '(' and stop the scan.
        if (pattern.Length < 2 || pattern[0] != '^' || pattern.Contains('|')) return "";
        var end = 1;
        while (end < pattern.Length && IsPlainLiteral(pattern[end])) end++;
        if (end < pattern.Length && pattern[end] is '?' or '*' or '+' or '{') end--;
        return end > 1 ? pattern[1..end] : "";
    }

    // Characters that stand for themselves outside a character class, whatever follows them.
    private static bool IsPlainLiteral(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';
}
