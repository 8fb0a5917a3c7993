using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace HealthCode.Cli.Commands;

public sealed class NormalizeSettings : DataSettings
{
    [CommandArgument(0, "<PAYLOAD>")]
    [Description("Native payload files (JSON or XML) as the region sends them.")]
    public string[] Payloads { get; init; } = [];

    [CommandOption("--region <ID>")]
    [Description("The issuing region (six digits), one of the loaded profiles.")]
    public string? Region { get; init; }

    [CommandOption("--profile <FILE>")]
    [Description("Normalize with this one profile file instead of a loaded region (a profile being written).")]
    public string? Profile { get; init; }

    [CommandOption("--content-type <TYPE>")]
    [Description("Content type of the payloads (default: from the file extension, else the region's format).")]
    public string? ContentType { get; init; }

    [CommandOption("--at <TIME>")]
    [Description("The clock, ISO 8601 with offset (default: now); status times after it are rejected.")]
    public string? At { get; init; }

    [CommandOption("--fhir")]
    [Description("Print the FHIR R4 Bundle instead of the canonical record.")]
    public bool Fhir { get; init; }

    public DateTimeOffset Clock => At is null ? DateTimeOffset.UtcNow : DateTimeOffset.Parse(At, CultureInfo.InvariantCulture);

    public override ValidationResult Validate()
    {
        if ((Region is null) == (Profile is null))
            return ValidationResult.Error("give exactly one of --region <ID> or --profile <FILE>");
        if (At is not null && !DateTimeOffset.TryParse(At, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            return ValidationResult.Error($"--at: not an ISO 8601 time: {At}");
        return InputFiles.All(base.Validate(), InputFiles.Exist([Profile], "--profile file"), InputFiles.Exist(Payloads, "payload"));
    }
}
