using System.ComponentModel;
using HealthCode.Cli.Reports;
using Spectre.Console;
using Spectre.Console.Cli;

namespace HealthCode.Cli.Commands;

public sealed class ConformanceRunSettings : DataSettings
{
    [CommandArgument(0, "<FOLDER>")]
    [Description("Folders searched for *.vector.json files (recursively), or vector files.")]
    public string[] Paths { get; init; } = [];

    [CommandOption("--report <FORMAT>")]
    [Description("junit, markdown or json. Printed instead of the table, or written to --output.")]
    public string? Report { get; init; }

    [CommandOption("--output <FILE>")]
    [Description("Write the report to this file and still print the table.")]
    public string? Output { get; init; }

    public ReportFormat? Format => Report is null ? null : Enum.Parse<ReportFormat>(Report, ignoreCase: true);

    public override ValidationResult Validate()
    {
        if (Report is not null && !Enum.TryParse<ReportFormat>(Report, ignoreCase: true, out _))
            return ValidationResult.Error($"--report: '{Report}' is not one of junit, markdown, json");
        if (Output is not null && Report is null)
            return ValidationResult.Error("--output needs --report <FORMAT>");
        return InputFiles.All(base.Validate(), InputFiles.Exist(Paths, "vector folder or file"));
    }
}
