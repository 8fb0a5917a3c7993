namespace HealthCode.Translator.Normalization;

public enum FailureKind
{
    None = 0,
    UnknownRegion,
    UnsupportedMediaType,
    Malformed,
    Invalid,
}
