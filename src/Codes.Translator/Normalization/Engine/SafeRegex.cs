using System.Text.RegularExpressions;

namespace HealthCode.Translator.Normalization.Engine;

/// <summary>
/// Compiles profile regexes so that no pattern and no input can hang a call: the linear-time engine where the pattern
/// allows it, otherwise a match timeout. A timeout is an outcome of its own so callers can refuse instead of guessing.
/// </summary>
internal static class SafeRegex
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(100);

    /// <summary>The compiled pattern, or null with an error at <paramref name="at"/> when it is not a valid regex.</summary>
    public static Regex? Compile(string pattern, string at, ProfileErrors errors)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled, Timeout);
        }
        catch (ArgumentException)
        {
            errors.Add(at, $"'{pattern}' is not a valid regular expression");
            return null;
        }
    }

    public static RegexOutcome Match(Regex regex, string text)
    {
        try
        {
            return regex.IsMatch(text) ? RegexOutcome.Match : RegexOutcome.NoMatch;
        }
        catch (RegexMatchTimeoutException)
        {
            return RegexOutcome.TimedOut;
        }
    }
}
