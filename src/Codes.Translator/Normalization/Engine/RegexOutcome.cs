namespace HealthCode.Translator.Normalization.Engine;

internal enum RegexOutcome
{
    NoMatch,
    Match,
    TimedOut,
}
