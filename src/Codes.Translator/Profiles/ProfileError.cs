namespace HealthCode.Translator.Profiles;

/// <summary>One problem in a profile. Path names the field as written in the file: "fields[3].to", "labels.red", "codePattern"; "$" is the whole document.</summary>
public sealed record ProfileError(string Path, string Message);
