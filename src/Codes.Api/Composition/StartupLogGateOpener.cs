namespace HealthCode.Api.Composition;

/// <summary>Opens the <see cref="StartupLogGate"/> once every hosted service and the server have started.</summary>
public sealed class StartupLogGateOpener(StartupLogGate gate, IHostApplicationLifetime lifetime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(gate.Open);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
