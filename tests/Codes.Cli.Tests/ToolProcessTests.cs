using System.Diagnostics;
using HealthCode.Cli.Tests.Support;

namespace HealthCode.Cli.Tests;

/// <summary>The one test that runs hc as a separate process, as `dotnet hc.dll` (the dotnet tool's shape), not in-process.</summary>
public sealed class ToolProcessTests
{
    [Test]
    public void Hc_runs_as_its_own_process_and_exits_with_the_conformance_result()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(Hc.Root, "hc.dll"), "conformance", "run", Hc.Conformance, "--report", "junit" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.That(process.WaitForExit(TimeSpan.FromMinutes(2)), Is.True, "hc did not finish within 2 minutes");

        Assert.That(process.ExitCode, Is.EqualTo(0), stderr.Result);
        Assert.That(stdout.Result, Does.StartWith("<?xml").And.Contain("<testsuites name=\"hc conformance\""));
    }
}
