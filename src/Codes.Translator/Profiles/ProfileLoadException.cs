namespace HealthCode.Translator.Profiles;

/// <summary>A region profile that cannot be used. The message names the file and the offending field so an integrator can fix it.</summary>
public sealed class ProfileLoadException : Exception
{
    public ProfileLoadException(string file, string field, string problem, Exception? inner = null)
        : base($"Region profile '{file}' is invalid at '{field}': {problem}", inner)
    {
        File = file;
        Field = field;
        Problem = problem;
    }

    public string File { get; }
    public string Field { get; }
    public string Problem { get; }
}
