namespace HealthCode.Translator.Normalization.Engine;

internal enum NativeType
{
    String,
    Integer,
    Boolean,
    Object,
    Array,
}
