using Spectre.Console;

namespace HealthCode.Cli.Commands;

/// <summary>Settings checks shared by the commands: a file or folder the user named must exist before anything runs.</summary>
public static class InputFiles
{
    public static ValidationResult Exist(IEnumerable<string?> paths, string what)
    {
        foreach (var path in paths)
        {
            if (path is not null && !File.Exists(path) && !Directory.Exists(path))
                return ValidationResult.Error($"{what} not found: {path}");
        }

        return ValidationResult.Success();
    }

    public static ValidationResult FolderExists(string? path, string option) =>
        path is null || Directory.Exists(path) ? ValidationResult.Success() : ValidationResult.Error($"{option}: folder not found: {path}");

    public static ValidationResult All(params ValidationResult[] results) =>
        results.FirstOrDefault(r => !r.Successful) ?? ValidationResult.Success();
}
