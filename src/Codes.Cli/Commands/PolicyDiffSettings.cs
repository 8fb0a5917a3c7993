using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace HealthCode.Cli.Commands;

public sealed class PolicyDiffSettings : DataSettings
{
    [CommandArgument(0, "<VECTORS>")]
    [Description("Folders searched for *.vector.json files, or vector files: their checkpoints are the what-if grid.")]
    public string[] Paths { get; init; } = [];

    [CommandOption("--draft <FILE>")]
    [Description("The draft policy file; it replaces the active policy with the same id.")]
    public string? Draft { get; init; }

    public override ValidationResult Validate()
    {
        if (Draft is null) return ValidationResult.Error("--draft <FILE> is required");
        return InputFiles.All(base.Validate(), InputFiles.Exist([Draft], "--draft file"), InputFiles.Exist(Paths, "vector folder or file"));
    }
}
