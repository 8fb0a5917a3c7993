namespace HealthCode.Cli.Engine;

/// <summary>A problem or warning tied to a field: a native pointer ("/hs/jg") or a profile field ("fields[3].to").</summary>
public sealed record FieldIssue(string Field, string Message, string? Code = null);
