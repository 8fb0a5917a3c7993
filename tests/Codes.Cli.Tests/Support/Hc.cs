using Spectre.Console.Testing;

namespace HealthCode.Cli.Tests.Support;

/// <summary>Runs the hc command tree in-process on a test console: the same parsing, commands and exit codes as the tool.</summary>
public static class Hc
{
    public static string Root => AppContext.BaseDirectory;
    public static string Conformance => Path.Combine(Root, "conformance");
    public static string Fixtures => Path.Combine(Root, "fixtures", "regions");
    public static string Schemas => Path.Combine(Root, "schemas");

    public static string Fixture(string region, string file) => Path.Combine(Fixtures, region, file);

    public static CliRun Run(params string[] args) => Run(interactive: false, args);

    /// <summary>As a terminal would: live displays such as the conformance progress bar are drawn.</summary>
    public static CliRun RunInteractive(params string[] args) => Run(interactive: true, args);

    private static CliRun Run(bool interactive, string[] args)
    {
        // Wide enough that no message is wrapped in the middle of a field name.
        var console = new TestConsole().Width(400);
        if (interactive) console.Interactive();
        var error = new StringWriter();
        var code = HcApp.Run(args, console, error);
        return new CliRun(code, console.Output, error.ToString());
    }
}
