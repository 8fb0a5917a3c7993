using HealthCode.Translator.Canonical;

namespace HealthCode.Verifier.Verification;

public static class LevelColors
{
    public const string Green = "#00A651";
    public const string Yellow = "#FFD200";
    public const string Red = "#E60012";
    public const string Unknown = "#9E9E9E";

    public static string For(RiskLevel level) => level switch
    {
        RiskLevel.Green => Green,
        RiskLevel.Yellow => Yellow,
        RiskLevel.Red => Red,
        _ => Unknown,
    };
}
