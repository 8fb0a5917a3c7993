namespace HealthCode.Translator.Profiles;

/// <summary>
/// Which entry of a native array the fields below it read: "first", "last", or "latest" / "earliest" by the time field
/// By (a path inside an entry) read in format Time.
/// </summary>
public sealed record ArrayPick(string Entry, string? By = null, string? Time = null);
