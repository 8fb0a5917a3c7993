namespace HealthCode.Cli.Tests.Support;

/// <summary>What one hc invocation left: its exit code, what it printed, and its error lines.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
