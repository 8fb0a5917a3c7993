using System.Text.RegularExpressions;

namespace HealthCode.Translator.Normalization.Engine;

/// <summary>
/// Compiles profile regexes so that no pattern and no input can hang a call: the linear-time engine where the pattern
/// allows it; otherwise (lookarounds, backreferences, atomic groups) the backtracking engine with a match timeout, after
/// a probe that refuses a pattern which already times out on simple repetitive text. A timeout at run time is an outcome
/// of its own, so callers can refuse the value instead of guessing.
/// </summary>
internal static class SafeRegex
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(100);

    private const RegexOptions Options = RegexOptions.CultureInvariant;
    private const int ProbeLength = 48;
    private static readonly char[] ProbeAlphabet = ['a', 'A', '0', ' ', '-', '.', '中'];

    /// <summary>The compiled pattern, or null with an error at <paramref name="at"/> when it is invalid or catastrophic.</summary>
    public static Regex? Compile(string pattern, string at, ProfileErrors errors)
    {
        try
        {
            return new Regex(pattern, Options | RegexOptions.NonBacktracking, Timeout);
        }
        catch (NotSupportedException)
        {
            // Falls through to the backtracking engine: the pattern uses a construct the linear engine lacks, or is too large for it.
        }
        catch (ArgumentException)
        {
            errors.Add(at, $"'{pattern}' is not a valid regular expression");
            return null;
        }

        Regex regex;
        try
        {
            regex = new Regex(pattern, Options | RegexOptions.Compiled, Timeout);
        }
        catch (ArgumentException)
        {
            errors.Add(at, $"'{pattern}' is not a valid regular expression");
            return null;
        }

        if (Probes(pattern).Any(probe => Match(regex, probe) == RegexOutcome.TimedOut))
        {
            errors.Add(at, $"'{pattern}' backtracks catastrophically (a match took longer than {Timeout.TotalMilliseconds} ms); avoid nested quantifiers such as (a+)+");
            return null;
        }

        return regex;
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

    /// <summary>Runs of one character ending in one that breaks them: the input shape that makes nested quantifiers explode.</summary>
    private static IEnumerable<string> Probes(string pattern)
    {
        var alphabet = ProbeAlphabet.Concat(pattern.Where(char.IsLetterOrDigit)).Distinct().Take(24);
        foreach (var c in alphabet)
        {
            var run = new string(c, ProbeLength);
            yield return run + "\u0001";
            yield return run;
        }
    }
}
