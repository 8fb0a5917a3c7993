namespace HealthCode.Translator.Normalization.Engine;

internal enum PickEntry
{
    First,
    Last,
    Latest,
    Earliest,
}
