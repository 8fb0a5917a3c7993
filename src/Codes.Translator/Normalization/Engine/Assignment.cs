using HealthCode.Translator.Canonical;

namespace HealthCode.Translator.Normalization.Engine;

internal readonly record struct Assignment(CanonicalField Field, CanonicalValue Value);
