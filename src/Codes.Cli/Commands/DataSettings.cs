using System.ComponentModel;
using HealthCode.Cli.Engine;
using Spectre.Console;
using Spectre.Console.Cli;

namespace HealthCode.Cli.Commands;

/// <summary>The data a command runs on: the shipped profiles and policies unless pointed elsewhere.</summary>
public class DataSettings : CommandSettings
{
    [CommandOption("--profiles <DIR>")]
    [Description("Folder of region profiles (default: the shipped schemas/regions).")]
    public string? Profiles { get; init; }

    [CommandOption("--policies <DIR>")]
    [Description("Folder of checkpoint policies (default: the shipped schemas/policies).")]
    public string? Policies { get; init; }

    public string ProfilesDirectory => Profiles ?? DataPaths.Regions;

    public string PoliciesDirectory => Policies ?? DataPaths.Policies;

    public override ValidationResult Validate() =>
        InputFiles.All(InputFiles.FolderExists(Profiles, "--profiles"), InputFiles.FolderExists(Policies, "--policies"));

    public HubLibraries Open() => HubLibraries.Load(ProfilesDirectory, PoliciesDirectory);
}
