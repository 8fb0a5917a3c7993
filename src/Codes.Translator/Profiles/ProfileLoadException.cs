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

    /// <summary>Names the first error's field; the problem lists every error, so one start-up failure shows them all.</summary>
    public static ProfileLoadException For(string file, IReadOnlyList<ProfileError> errors)
    {
        var first = errors[0];
        var rest = errors.Skip(1).Select(e => $"{e.Path}: {e.Message}");
        return new ProfileLoadException(file, first.Path, string.Join("; ", rest.Prepend(first.Message)));
    }
}
