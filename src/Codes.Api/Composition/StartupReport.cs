using HealthCode.Api.Auth;

namespace HealthCode.Api.Composition;

/// <summary>Tells the operator at start-up what this process runs on and how to call it (never a configured key or the secret).</summary>
public sealed partial class StartupReport(
    RunningMode mode,
    HolderSecret secret,
    ApiKeyRegistry keys,
    IHostEnvironment environment,
    ILogger<StartupReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogMode(environment.EnvironmentName, mode.Name, mode.Embedded ? "in-memory" : "Redis", mode.Embedded ? "in-process" : "RabbitMQ", mode.SeedSamples);
        if (secret.Generated) LogGeneratedSecret(HolderSecret.Key);
        if (keys.UsesDevelopmentKey) LogDevelopmentKey(ApiKeyRegistry.DevelopmentKey);
        else if (keys.Count == 0) LogNoKeys(ApiKeyRegistry.Section);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "HealthCode ({Environment}): {Mode} mode, status store {Store}, status bus {Bus}, seed samples {Seed}")]
    private partial void LogMode(string environment, string mode, string store, string bus, bool seed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No {Key} configured: generated a random holder secret for this process (Development only; holder links do not survive a restart)")]
    private partial void LogGeneratedSecret(string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Development with no API keys configured: the key '{Key}' holds every role. Send it as X-Api-Key.")]
    private partial void LogDevelopmentKey(string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No API keys configured under {Section}: every /v1 request will be refused")]
    private partial void LogNoKeys(string section);
}
