using System.Text.Json;
using System.Text.Json.Nodes;
using HealthCode.Cli.Engine;
using HealthCode.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace HealthCode.Cli.Commands;

/// <summary>
/// hc normalize: each payload to its canonical record (as the API's normalize returns it: record and warnings) or,
/// with --fhir, to a FHIR R4 Bundle. A payload that breaks its profile prints its field errors and makes the exit code 1.
/// </summary>
public sealed class NormalizeCommand(CliOutput output) : Command<NormalizeSettings>
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public override int Execute(CommandContext context, NormalizeSettings settings, CancellationToken cancellationToken)
    {
        var hub = settings.Profile is null
            ? settings.Open()
            : HubLibraries.LoadProfile(settings.Profile, settings.PoliciesDirectory);
        var region = settings.Region ?? hub.RegionIds.Single();
        if (!hub.RegionIds.Contains(region))
            throw new CliInputException($"--region: unknown region '{region}'; loaded: {string.Join(", ", hub.RegionIds)}");

        var failed = 0;
        foreach (var file in settings.Payloads)
        {
            if (settings.Payloads.Length > 1) output.Console.Write(new Rule(Markup.Escape(file)).LeftJustified());
            var contentType = settings.ContentType ?? ContentTypes.ForFile(file) ?? hub.DefaultContentType(region);
            var outcome = hub.Normalize(new PayloadInput(region, File.ReadAllBytes(file), contentType), settings.Clock, settings.Fhir);
            if (outcome.Succeeded)
            {
                output.Raw(settings.Fhir ? outcome.Fhir! : Document(outcome).ToJsonString(Indented));
                continue;
            }

            failed++;
            output.Console.MarkupLine($"[red]{Markup.Escape(outcome.Failure!)}[/]: {Markup.Escape(outcome.FailureDetail ?? "")}");
            var table = new Table().AddColumn("native field").AddColumn("problem");
            foreach (var error in outcome.Errors) table.AddRow(Markup.Escape(error.Field), Markup.Escape(error.Message));
            if (outcome.Errors.Count > 0) output.Console.Write(table);
        }

        return failed == 0 ? 0 : 1;
    }

    private static JsonObject Document(NormalizeOutcome outcome)
    {
        var warnings = new JsonArray();
        foreach (var warning in outcome.Warnings)
            warnings.Add(new JsonObject { ["code"] = warning.Code, ["field"] = warning.Field, ["message"] = warning.Message });
        return new JsonObject { ["record"] = outcome.Canonical!.DeepClone(), ["warnings"] = warnings };
    }
}
