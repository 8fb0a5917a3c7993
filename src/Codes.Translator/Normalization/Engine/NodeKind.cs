namespace HealthCode.Translator.Normalization.Engine;

internal enum NodeKind
{
    Object,
    String,
    Number,
    Boolean,
    Array,
    // XML leaves are untyped text: a profile's "integer" parses it, its "string" takes it verbatim.
    XmlText,
}
