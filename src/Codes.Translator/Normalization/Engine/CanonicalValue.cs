using HealthCode.Translator.Canonical;

namespace HealthCode.Translator.Normalization.Engine;

/// <summary>A typed canonical value; a struct so assignments need no boxing on the hot path.</summary>
internal readonly record struct CanonicalValue(string? Text = null, RiskLevel Level = RiskLevel.Unknown, DateTimeOffset Time = default, long Integer = 0, bool Boolean = false)
{
    public string Display(CanonicalKind kind) => kind switch
    {
        CanonicalKind.Level => Level.ToWire(),
        CanonicalKind.Time => Time.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        CanonicalKind.Integer => Integer.ToString(System.Globalization.CultureInfo.InvariantCulture),
        CanonicalKind.Boolean => Boolean ? "true" : "false",
        _ => Text ?? string.Empty,
    };
}
