namespace HealthCode.Translator.Profiles;

public sealed record PresenceCondition(string Path, IReadOnlyList<string> In);
