using System.Text.Json;
using System.Text.Json.Nodes;
using HealthCode.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace HealthCode.Cli.Commands;

/// <summary>hc translate: a native level of one region into the canonical level and another region's vocabulary.</summary>
public sealed class TranslateCommand(CliOutput output) : Command<TranslateSettings>
{
    public override int Execute(CommandContext context, TranslateSettings settings, CancellationToken cancellationToken)
    {
        var result = settings.Open().Translate(settings.From!, settings.To!, settings.Level!, settings.SubStatus);
        if (settings.Json)
        {
            var document = new JsonObject
            {
                ["level"] = result.Level,
                ["target"] = new JsonObject { ["region"] = result.TargetRegion, ["label"] = result.Label, ["nativeLevel"] = result.NativeLevel },
                ["exact"] = result.Exact,
            };
            output.Raw(document.ToJsonString(new JsonSerializerOptions
            {
                WriteIndented = true,
                Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            }));
            return 0;
        }

        var source = settings.SubStatus is null ? settings.Level! : $"{settings.Level} ({settings.SubStatus})";
        var table = new Table()
            .AddColumn("from").AddColumn("level").AddColumn("to").AddColumn("label").AddColumn("native level").AddColumn("exact");
        table.AddRow(
            Markup.Escape($"{settings.From} {source}"),
            Markup.Escape(result.Level),
            Markup.Escape(result.TargetRegion),
            Markup.Escape(result.Label),
            result.NativeLevel is null ? "[grey](none)[/]" : Markup.Escape(result.NativeLevel),
            result.Exact ? "yes" : "[yellow]no[/]");
        output.Console.Write(table);
        return 0;
    }
}
