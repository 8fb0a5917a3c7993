namespace HealthCode.Translator.Normalization.Engine;

internal enum Presence
{
    Absent,
    Empty,
    Found,
}
