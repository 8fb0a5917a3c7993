using Spectre.Console;

namespace HealthCode.Cli.Output;

/// <summary>
/// Where a command writes: Console for tables and progress, Raw for machine-readable documents (JSON, XML, Markdown)
/// that must not be wrapped at the terminal width, Error for the one-line complaints that go with exit code 2.
/// </summary>
public sealed class CliOutput(IAnsiConsole console, TextWriter error)
{
    public IAnsiConsole Console { get; } = console;

    public void Raw(string document)
    {
        var writer = Console.Profile.Out.Writer;
        writer.Write(document);
        if (!document.EndsWith('\n')) writer.WriteLine();
        writer.Flush();
    }

    public void Error(string line) => error.WriteLine("hc: " + line);
}
