using System.Globalization;
using System.Text;

namespace HealthCode.Verifier.Privacy;

/// <summary>The only forms of a name or document number the service ever keeps or returns.</summary>
public static class Masking
{
    /// <summary>"张伟" → "张*": the first character, then one '*' per remaining character.</summary>
    public static string Name(string? name)
    {
        if (string.IsNullOrEmpty(name)) return "";
        // Text elements, not chars: a rare CJK character outside the BMP is one surrogate pair and must stay whole.
        var elements = StringInfo.GetTextElementEnumerator(name);
        var result = new StringBuilder();
        var first = true;
        while (elements.MoveNext())
        {
            result.Append(first ? elements.GetTextElement() : "*");
            first = false;
        }
        return result.ToString();
    }

    /// <summary>"330106198108037021" → "3301**********7021": first 4 and last 4 from 10 characters on, else first 1 and last 1.</summary>
    public static string Document(string? number)
    {
        if (string.IsNullOrEmpty(number)) return "";
        var n = number.Length;
        // Showing both ends of a two-character value would show all of it.
        if (n <= 2) return new string('*', n);
        var keep = n >= 10 ? 4 : 1;
        return string.Concat(number.AsSpan(0, keep), new string('*', n - 2 * keep), number.AsSpan(n - keep));
    }
}
