namespace HealthCode.Api.Composition;

/// <summary>A region profile, policy or trust file that cannot be used: the path to open and the field to fix.</summary>
public sealed class DataFileException(string path, string field, string problem, Exception inner)
    : Exception($"{path}: {field}: {problem}", inner)
{
    public string Path { get; } = path;
    public string Field { get; } = field;
    public string Problem { get; } = problem;
}
