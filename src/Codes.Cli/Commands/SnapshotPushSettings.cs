using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace HealthCode.Cli.Commands;

public sealed class SnapshotPushSettings : DataSettings
{
    public const string KeyVariable = "HC_API_KEY";

    [CommandArgument(0, "<FILE>")]
    [Description("The snapshot: NDJSON, one line per code: {\"sequence\", \"contentType\"?, \"payload\", \"signature\"?, \"keyId\"?}.")]
    public string File { get; init; } = "";

    [CommandOption("--server <URL>")]
    [Description("The hub, e.g. https://hub.example.org or http://localhost:5080.")]
    public string? Server { get; init; }

    [CommandOption("--key <KEY>")]
    [Description($"An API key with the role publisher:<region> (default: the {KeyVariable} environment variable).")]
    public string? Key { get; init; }

    [CommandOption("--region <ID>")]
    [Description("The region the snapshot is of (default: detected from the first line's code).")]
    public string? Region { get; init; }

    [CommandOption("--prune")]
    [Description("Revoke the region's codes the hub holds that the snapshot does not mention (?prune=revoke).")]
    public bool Prune { get; init; }

    [CommandOption("--timeout <SECONDS>")]
    [Description("How long to wait for the snapshot to finish (default 3600).")]
    public int Timeout { get; init; } = 3600;

    public string? ApiKey => Key ?? Environment.GetEnvironmentVariable(KeyVariable);

    public Uri ServerUri => new(Server!.EndsWith('/') ? Server : Server + "/");

    public override ValidationResult Validate()
    {
        if (!System.IO.File.Exists(File)) return ValidationResult.Error($"snapshot file not found: {File}");
        if (Server is null || !Uri.TryCreate(Server, UriKind.Absolute, out var server) || server.Scheme is not ("http" or "https"))
            return ValidationResult.Error("--server <URL> is required: the hub's http(s) address");
        if (string.IsNullOrEmpty(ApiKey)) return ValidationResult.Error($"--key <KEY> is required (or set {KeyVariable})");
        if (Timeout <= 0) return ValidationResult.Error("--timeout must be a positive number of seconds");
        return base.Validate();
    }
}
