namespace HealthCode.Translator.Profiles;

/// <summary>Something that does not stop a profile from working but that its author should know; Path as in <see cref="ProfileError"/>.</summary>
public sealed record ProfileWarning(string Path, string Message);
