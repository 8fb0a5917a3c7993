using HealthCode.Translator.Profiles;
using HealthCode.Verifier.Policies;
using HealthCode.Verifier.Trust;

namespace HealthCode.Api.Composition;

/// <summary>
/// Loads the region profiles, policies and trust files before the host listens, so a file that fails its schema
/// stops start-up with its file and field (<see cref="DataFiles"/>) instead of failing the first request.
/// </summary>
public sealed class DataFileCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<IRegionCatalog>();
        services.GetRequiredService<IPolicyCatalog>();
        services.GetRequiredService<TrustStore>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
