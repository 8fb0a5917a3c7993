namespace HealthCode.Translator.Canonical;

/// <summary>What a canonical field holds, which decides how a profile value for it is checked and stored.</summary>
internal enum CanonicalKind
{
    Text,
    Level,
    Time,
    Integer,
    Boolean,
    DocumentType,
    NatResult,
}
