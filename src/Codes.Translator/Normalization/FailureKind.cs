namespace HealthCode.Translator.Normalization;

public enum FailureKind
{
    None = 0,
    UnsupportedMediaType,
    Malformed,
    Invalid,
}
