namespace HealthCode.Api.DryRun;

/// <summary>Path names the draft's field as its author wrote it (e.g. "fields[3].to", "codePattern").</summary>
public sealed record ProfileError(string Path, string Message);
