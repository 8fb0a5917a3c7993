using System.Diagnostics;
using HealthCode.Cli.Conformance;
using HealthCode.Cli.Output;
using HealthCode.Cli.Reports;
using Spectre.Console;
using Spectre.Console.Cli;

namespace HealthCode.Cli.Commands;

/// <summary>
/// hc conformance run: every vector through the libraries, a region × checkpoint-province matrix and the mismatches.
/// Exit 0 all pass, 1 some vector does not, 2 a vector, profile or policy could not be read.
/// </summary>
public sealed class ConformanceRunCommand(CliOutput output) : Command<ConformanceRunSettings>
{
    // Below this a run is over before a bar would be drawn.
    private const int ProgressThreshold = 20;

    public override int Execute(CommandContext context, ConformanceRunSettings settings, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var set = VectorLoader.Load(settings.Paths);
        if (set.Errors.Count > 0)
        {
            foreach (var error in set.Errors) output.Error(error);
            return 2;
        }

        var runner = new VectorRunner(settings.Open());
        var reportToStdout = settings.Format is not null && settings.Output is null;
        var results = RunAll(runner, set.Vectors, showProgress: !reportToStdout && output.Console.Profile.Capabilities.Interactive && set.Vectors.Count >= ProgressThreshold);
        var elapsed = Stopwatch.GetElapsedTime(started);

        if (settings.Format is { } format)
        {
            var report = format switch
            {
                ReportFormat.Junit => JunitReport.Write(results, elapsed),
                ReportFormat.Markdown => MarkdownReport.Write(results),
                _ => JsonReport.Write(results),
            };
            if (settings.Output is null) output.Raw(report);
            else File.WriteAllText(settings.Output, report);
        }

        if (!reportToStdout) PrintSummary(results, elapsed);
        return results.All(r => r.Passed) ? 0 : 1;
    }

    private List<VectorResult> RunAll(VectorRunner runner, IReadOnlyList<ConformanceVector> vectors, bool showProgress)
    {
        var results = new List<VectorResult>(vectors.Count);
        if (!showProgress)
        {
            results.AddRange(vectors.Select(runner.Run));
            return results;
        }

        output.Console.Progress().AutoClear(true).Start(progress =>
        {
            var task = progress.AddTask("conformance vectors", maxValue: vectors.Count);
            foreach (var vector in vectors)
            {
                results.Add(runner.Run(vector));
                task.Increment(1);
            }
        });
        return results;
    }

    private void PrintSummary(IReadOnlyList<VectorResult> results, TimeSpan elapsed)
    {
        var console = output.Console;
        console.Write(MatrixTable.Build(results));
        foreach (var result in results.Where(r => !r.Passed))
        {
            console.MarkupLine($"[red]✗[/] [bold]{Markup.Escape(result.Vector.Name)}[/] [grey]{Markup.Escape(result.Vector.File)}[/]");
            foreach (var problem in result.Problems) console.MarkupLine($"    {Markup.Escape(problem)}");
        }

        var failed = results.Count(r => !r.Passed);
        var decisions = results.Sum(r => r.Checkpoints.Count);
        console.MarkupLine(failed == 0
            ? $"[green]conformance: {results.Count} vectors passed[/] ({decisions} checkpoint decisions, {elapsed.TotalSeconds:0.00} s)"
            : $"[red]conformance: {failed} of {results.Count} vectors failed[/] ({decisions} checkpoint decisions, {elapsed.TotalSeconds:0.00} s)");
    }
}
