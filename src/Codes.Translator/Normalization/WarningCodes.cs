namespace HealthCode.Translator.Normalization;

/// <summary>Stable warning codes: integrators match on these, so none is ever renamed.</summary>
public static class WarningCodes
{
    public const string StatusTimeMissing = "status-time-missing";
    public const string LevelsDisagree = "levels-disagree";
    public const string FieldNotMapped = "field-not-mapped";
}
