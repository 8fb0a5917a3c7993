using System.Reflection;
using System.Text.RegularExpressions;
using HealthCode.Verifier.Trust;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace HealthCode.Api.Composition;

/// <summary>
/// A start-up failure the operator fixes outside the code: the one line the process prints (to stderr, no stack
/// trace) and its exit code (sysexits: 78 configuration, 74 cannot listen). Anything not recognised here is a bug
/// and keeps its stack trace.
/// </summary>
public sealed partial record StartupFailure(string Line, int ExitCode)
{
    public const string Prefix = "healthcode: ";
    public const int ConfigurationExitCode = 78;
    public const int ListenExitCode = 74;

    /// <summary>
    /// Whether Program runs as the process's entry point. Only then is a failure reported as a line and an exit code:
    /// a host that runs Program itself (a test factory) gets the exception.
    /// </summary>
    public static bool OwnsProcess => Assembly.GetEntryAssembly() == typeof(StartupFailure).Assembly;

    public static StartupFailure? Describe(Exception exception) => exception switch
    {
        ConfigurationException e => Configuration(e.Message),
        OptionsValidationException e => Configuration(string.Join("; ", e.Failures)),
        AggregateException e => Combine(e.Flatten().InnerExceptions.Select(Describe).ToList()),
        DataFileException e => DataFile(e.Path, e.Field, e.Problem),
        TrustLoadException e when e.Field.StartsWith(TrustStore.ConfigurationSection + ":", StringComparison.Ordinal) =>
            Configuration($"{e.Field}: {e.Problem}"),
        TrustLoadException e => DataFile(e.Origin, e.Field, e.Problem),
        // The configuration binder's message names the key and the type, not the value.
        InvalidOperationException e when e.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) =>
            Configuration(e.Message.TrimEnd('.')),
        IOException { InnerException: AddressInUseException } e => new StartupFailure(Prefix + "cannot listen on " + Address(e.Message) + ": address already in use", ListenExitCode),
        _ => null,
    };

    private static StartupFailure Configuration(string message) => new(Prefix + "configuration error: " + message, ConfigurationExitCode);

    private static StartupFailure DataFile(string file, string field, string problem) =>
        new($"{Prefix}{Relative(file)}: {field}: {problem}", ConfigurationExitCode);

    private static StartupFailure? Combine(IReadOnlyList<StartupFailure?> failures)
    {
        if (failures.Count == 0 || failures.Any(f => f is null)) return null;
        return new StartupFailure(Prefix + string.Join("; ", failures.Select(f => f!.Line[Prefix.Length..])), failures[0]!.ExitCode);
    }

    // Data files ship under the working directory; a relative path is what the operator types to open it.
    private static string Relative(string file)
    {
        if (!Path.IsPathFullyQualified(file)) return file;
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, file);
        return relative.StartsWith("..", StringComparison.Ordinal) ? file : relative;
    }

    // Kestrel: "Failed to bind to address http://127.0.0.1:5080: address already in use."
    private static string Address(string message) => BindMessage().Match(message) is { Success: true } m ? m.Groups["address"].Value : "the configured address";

    [GeneratedRegex(@"address (?<address>\S+): address already in use")]
    private static partial Regex BindMessage();
}
