namespace HealthCode.Translator.Profiles;

/// <summary>The time of day of a time split over two native fields: Path holds it, Time is its .NET format (e.g. "HH:mm:ss").</summary>
public sealed record TimeOfDayRule(string Path, string Time);
