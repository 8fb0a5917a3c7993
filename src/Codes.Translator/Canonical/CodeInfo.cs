namespace HealthCode.Translator.Canonical;

public sealed record CodeInfo(
    string Value,
    RiskLevel Level,
    string NativeLevel,
    string? SubStatus,
    DateTimeOffset StatusAt,
    DateTimeOffset? ValidUntil);
