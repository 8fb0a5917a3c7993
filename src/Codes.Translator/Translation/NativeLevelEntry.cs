using HealthCode.Translator.Canonical;

namespace HealthCode.Translator.Translation;

/// <summary>
/// One value of a region's level field. Level is null when the value alone decides nothing (Beijing 弹窗): then Details,
/// the sub-statuses of the fields that must accompany it, decide.
/// </summary>
public sealed record NativeLevelEntry(string NativeLevel, RiskLevel? Level, string? SubStatus, IReadOnlyDictionary<string, RiskLevel> Details)
{
    /// <summary>The level a checkpoint must assume when only the native value is known: the most restrictive possibility.</summary>
    public RiskLevel WorstCase => Level ?? (Details.Count == 0 ? RiskLevel.Unknown : Details.Values.Max());
}
