namespace HealthCode.Translator.Canonical;

public static class RiskLevels
{
    public static string ToWire(this RiskLevel level) => level switch
    {
        RiskLevel.Green => "green",
        RiskLevel.Yellow => "yellow",
        RiskLevel.Red => "red",
        _ => "unknown",
    };

    public static bool TryParse(string? value, out RiskLevel level)
    {
        switch (value)
        {
            case "green": level = RiskLevel.Green; return true;
            case "yellow": level = RiskLevel.Yellow; return true;
            case "red": level = RiskLevel.Red; return true;
            case "unknown": level = RiskLevel.Unknown; return true;
            default: level = RiskLevel.Unknown; return false;
        }
    }

    public static RiskLevel MostRestrictive(RiskLevel a, RiskLevel b) => (RiskLevel)Math.Max((int)a, (int)b);
}
