namespace HealthCode.Translator.Profiles;

/// <summary>Every problem of one profile file (File is the file name, e.g. "440000.json").</summary>
public sealed record ProfileFileErrors(string File, IReadOnlyList<ProfileError> Errors);
