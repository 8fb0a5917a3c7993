namespace HealthCode.Translator.Normalization.Engine;

/// <summary>What a profile's "transform" does to a text value before it is checked and mapped.</summary>
[Flags]
internal enum TextTransform
{
    None = 0,
    Trim = 1,
    UpperCase = 2,
    LowerCase = 4,
}
