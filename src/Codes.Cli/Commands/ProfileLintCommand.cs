using System.Text.Json;
using HealthCode.Cli.Engine;
using HealthCode.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace HealthCode.Cli.Commands;

/// <summary>
/// hc profile lint: each profile against the schema, then compiled as the service would load it. Errors name the
/// field; a missing FHIR CodeSystem for the region's native levels is a warning (FHIR output still works without it).
/// </summary>
public sealed class ProfileLintCommand(CliOutput output) : Command<ProfileLintSettings>
{
    public override int Execute(CommandContext context, ProfileLintSettings settings, CancellationToken cancellationToken)
    {
        var console = output.Console;
        var failed = 0;
        foreach (var file in settings.Files)
        {
            var errors = HubLibraries.LintProfile(file);
            var warnings = errors.Count == 0 ? FhirWarnings(file, settings.Fhir) : [];
            if (errors.Count > 0) failed++;
            var mark = errors.Count > 0 ? "[red]✗[/]" : warnings.Count > 0 ? "[yellow]![/]" : "[green]✓[/]";
            console.MarkupLine($"{mark} {Markup.Escape(file)}");
            foreach (var error in errors)
                console.MarkupLine($"  [red]error[/] [bold]{Markup.Escape(error.Field)}[/]: {Markup.Escape(error.Message)}");
            foreach (var warning in warnings)
                console.MarkupLine($"  [yellow]warning[/] [bold]{Markup.Escape(warning.Field)}[/]: {Markup.Escape(warning.Message)}");
        }

        console.MarkupLine(failed == 0
            ? $"[green]{settings.Files.Length} profile(s) OK[/]"
            : $"[red]{failed} of {settings.Files.Length} profile(s) have errors[/]");
        return failed == 0 ? 0 : 1;
    }

    private static IReadOnlyList<FieldIssue> FhirWarnings(string file, string? fhirOption)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(file));
        var id = document.RootElement.GetProperty("id").GetString();
        var beside = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!, "..", "fhir"));
        var folder = fhirOption ?? (Directory.Exists(beside) ? beside : DataPaths.Fhir);
        var codeSystem = $"CodeSystem-native-level-{id}.json";
        return File.Exists(Path.Combine(folder, codeSystem))
            ? []
            : [new FieldIssue("id", $"no FHIR CodeSystem {codeSystem} in {folder}: its FHIR Bundles cite a native-level CodeSystem that validators cannot resolve (docs/fhir.md, adding a region)")];
    }
}
