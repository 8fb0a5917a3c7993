using System.Diagnostics;
using NUnit.Framework;

namespace HealthCode.Testing;

/// <summary>
/// Runs a bash script of a checkout (scripts/services.sh, scripts/cluster.sh) with a deadline; a non-zero exit or the
/// deadline fails the test with the script's output. Returns the output and how long it took.
/// </summary>
public static class ScriptRun
{
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(150);

    public static async Task<(string Output, TimeSpan Took)> RunAsync(string root, string script, IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null, TimeSpan? deadline = null)
    {
        var limit = deadline ?? DefaultDeadline;
        var clock = Stopwatch.StartNew();
        var info = new ProcessStartInfo("bash", [Path.Combine(root, script), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = root,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) info.Environment[key] = value;
        var what = $"{script} {string.Join(' ', arguments)}";
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start bash for " + what);
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{what} did not finish within {limit.TotalSeconds} s");
        }
        var stdout = await output;
        var log = stdout + await errors;
        if (process.ExitCode != 0) Assert.Fail($"{what} exited {process.ExitCode}: {log}");
        await TestContext.Out.WriteLineAsync($"{what}: {clock.Elapsed.TotalSeconds:0.0} s {log.Trim()}");
        return (stdout, clock.Elapsed);
    }
}
