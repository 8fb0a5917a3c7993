using HealthCode.Translator.Canonical;
using HealthCode.Translator.Normalization;

namespace HealthCode.Api.DryRun;

/// <summary>A record, or errors keyed by native pointer ("" when the payload as a whole failed: media type, syntax).</summary>
public sealed record NormalizedSample(
    CanonicalRecord? Record,
    IReadOnlyList<NormalizationWarning> Warnings,
    IReadOnlyDictionary<string, string[]> Errors);
