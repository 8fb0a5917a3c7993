namespace HealthCode.Translator.Canonical;

public static class NatResults
{
    public const string Negative = "negative";
    public const string Positive = "positive";
    public const string None = "none";
    public const string Unknown = "unknown";

    public static readonly IReadOnlySet<string> All = new HashSet<string> { Negative, Positive, None, Unknown };
}
