using System.ComponentModel;
using HealthCode.Cli.Engine;
using Spectre.Console;
using Spectre.Console.Cli;

namespace HealthCode.Cli.Commands;

public sealed class ProfileLintSettings : CommandSettings
{
    [CommandArgument(0, "<PROFILE>")]
    [Description("Region profile files (JSON) to check.")]
    public string[] Files { get; init; } = [];

    [CommandOption("--fhir <DIR>")]
    [Description("Where the FHIR CodeSystems live (default: ../fhir beside the profile's folder, else the shipped schemas/fhir).")]
    public string? Fhir { get; init; }

    public override ValidationResult Validate() => InputFiles.All(
        InputFiles.Exist(Files, "profile"),
        InputFiles.FolderExists(Fhir, "--fhir"));
}
