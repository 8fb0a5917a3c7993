using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace HealthCode.Cli.Commands;

public sealed class TranslateSettings : DataSettings
{
    [CommandOption("--from <ID>")]
    [Description("The region whose vocabulary the level is in.")]
    public string? From { get; init; }

    [CommandOption("--to <ID>")]
    [Description("The region whose vocabulary to translate into.")]
    public string? To { get; init; }

    [CommandOption("--level <VALUE>")]
    [Description("The native level value, as the source region writes it (e.g. 弹窗, 2, verde).")]
    public string? Level { get; init; }

    [CommandOption("--sub-status <VALUE>")]
    [Description("The sub-status that goes with it, where the region has one (popup-4, g28, trip-star …).")]
    public string? SubStatus { get; init; }

    [CommandOption("--json")]
    [Description("Print the result as JSON (the API's translate response) instead of a table.")]
    public bool Json { get; init; }

    public override ValidationResult Validate()
    {
        if (From is null) return ValidationResult.Error("--from <ID> is required");
        if (To is null) return ValidationResult.Error("--to <ID> is required");
        if (Level is null) return ValidationResult.Error("--level <VALUE> is required");
        return base.Validate();
    }
}
