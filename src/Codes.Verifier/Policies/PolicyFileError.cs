namespace HealthCode.Verifier.Policies;

/// <summary>The first problem of one policy file: File is its name ("440000.json"), Field the field as written ("levels[0].reason", "$").</summary>
public sealed record PolicyFileError(string File, string Field, string Message);
