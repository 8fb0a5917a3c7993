namespace HealthCode.Verifier.Policies;

/// <summary>A policy file is invalid. File and Field name what to fix; start-up stops.</summary>
public sealed class PolicyLoadException(string file, string field, string problem)
    : Exception($"Policy file '{file}', field '{field}': {problem}")
{
    public string File { get; } = file;
    public string Field { get; } = field;
    public string Problem { get; } = problem;
}
