namespace HealthCode.Translator.Normalization;

public sealed record CodeValueResult(
    string? Code,
    FailureKind Failure,
    string? FailureDetail,
    IReadOnlyDictionary<string, string[]> Errors);
