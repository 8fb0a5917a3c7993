using HealthCode.Translator.Canonical;

namespace HealthCode.Translator.Translation;

/// <summary>Exact is false when the target cannot say exactly what the source said (a sub-status, an ambiguous pop-up, a missing level).</summary>
public sealed record TranslationResult(RiskLevel Level, TranslationTarget Target, bool Exact);
