using HealthCode.Translator.Canonical;
using HealthCode.Translator.Normalization;

namespace HealthCode.Api.Contracts;

/// <summary>DESIGN.md §5: the canonical record and the non-fatal findings.</summary>
public sealed record NormalizeResponse(CanonicalRecord Record, IReadOnlyList<NormalizationWarning> Warnings);
