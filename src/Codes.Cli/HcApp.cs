using HealthCode.Cli.Commands;
using HealthCode.Cli.Engine;
using HealthCode.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace HealthCode.Cli;

/// <summary>
/// The hc command tree. Run returns the exit code: what a command returns, or 2 with one line on the error writer
/// when the command line or an input file is wrong.
/// </summary>
public static class HcApp
{
    public const int BadInput = 2;

    public static int Run(IEnumerable<string> args, IAnsiConsole console, TextWriter error)
    {
        var output = new CliOutput(console, error);
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("hc");
            config.ConfigureConsole(console);
            config.PropagateExceptions();
            config.UseStrictParsing();
            config.Settings.Registrar.RegisterInstance(output);
            config.AddBranch("profile", profile =>
            {
                profile.SetDescription("Region profiles.");
                profile.AddCommand<ProfileLintCommand>("lint")
                    .WithDescription("Check profiles against the schema and compile them; errors name the field.")
                    .WithExample("profile", "lint", "schemas/regions/110000.json");
            });
            config.AddCommand<NormalizeCommand>("normalize")
                .WithDescription("Turn native payloads into canonical records (or FHIR Bundles with --fhir).")
                .WithExample("normalize", "--region", "110000", "tests/fixtures/regions/110000/green.json")
                .WithExample("normalize", "--region", "610000", "--fhir", "tests/fixtures/regions/610000/green.xml");
            config.AddCommand<TranslateCommand>("translate")
                .WithDescription("Translate a native level into another region's vocabulary.")
                .WithExample("translate", "--from", "110000", "--to", "440000", "--level", "弹窗", "--sub-status", "popup-4");
            config.AddBranch("conformance", conformance =>
            {
                conformance.SetDescription("Conformance vectors (docs/conformance.md).");
                conformance.AddCommand<ConformanceRunCommand>("run")
                    .WithDescription("Run vectors; exit 0 all pass, 1 mismatches, 2 bad input.")
                    .WithExample("conformance", "run", "tests/conformance")
                    .WithExample("conformance", "run", "tests/conformance", "--report", "junit", "--output", "conformance.xml");
            });
            config.AddBranch("snapshot", snapshot =>
            {
                snapshot.SetDescription("Reconcile the hub with a region's full state (docs/regional-systems.md).");
                snapshot.AddCommand<SnapshotPushCommand>("push")
                    .WithDescription("Stream an NDJSON snapshot to the hub and follow it; exit 0 clean, 1 rejected lines or failed, 2 bad input.")
                    .WithExample("snapshot", "push", "beijing.ndjson", "--server", "http://localhost:5080", "--key", "dev-local-key");
            });
            config.AddBranch("policy", policy =>
            {
                policy.SetDescription("Checkpoint policies.");
                policy.AddCommand<PolicyDiffCommand>("diff")
                    .WithDescription("What-if: which checkpoint decisions change with a draft policy.")
                    .WithExample("policy", "diff", "--draft", "draft/440000.json", "tests/conformance");
            });
        });

        try
        {
            return app.Run(args);
        }
        catch (Exception ex) when (ex is CliInputException or CommandAppException)
        {
            output.Error(OneLine(ex.Message));
            return BadInput;
        }
        catch (IOException ex)
        {
            output.Error(OneLine(ex.Message));
            return BadInput;
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
