using HealthCode.Translator.Canonical;

namespace HealthCode.Translator.Normalization;

/// <summary>
/// Either a record (Failure = None) or a failure. For Invalid, Errors maps each offending native field
/// (a JSON pointer such as "/hs/jg", or for XML a path such as "/Person/IDType") to its messages.
/// </summary>
public sealed record NormalizationResult(
    CanonicalRecord? Record,
    IReadOnlyList<NormalizationWarning> Warnings,
    FailureKind Failure,
    string? FailureDetail,
    IReadOnlyDictionary<string, string[]> Errors)
{
    public bool Succeeded => Failure == FailureKind.None && Record is not null;
}
