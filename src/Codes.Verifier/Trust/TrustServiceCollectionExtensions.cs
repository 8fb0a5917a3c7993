using HealthCode.Verifier.Ingestion;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HealthCode.Verifier.Trust;

public static class TrustServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <see cref="TrustStore"/> (trust files of <paramref name="trustDirectory"/>, or of
    /// configuration HealthCode:TrustDirectory, plus configuration keys HealthCode:Trust:&lt;region&gt;:&lt;keyId&gt;)
    /// and <see cref="SignatureEventAuthenticator"/> as the <see cref="IEventAuthenticator"/>. With neither a folder nor
    /// keys, every region stays unsigned. The store is built on first resolve: resolve it at start-up so a bad trust
    /// file stops the host instead of the first event.
    /// </summary>
    public static IServiceCollection AddRegionSignatureTrust(this IServiceCollection services, IConfiguration configuration,
        string? trustDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var directory = trustDirectory ?? configuration[TrustStore.DirectoryConfigurationKey];
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ =>
        {
            var fromConfiguration = TrustStore.FromConfiguration(configuration);
            return string.IsNullOrEmpty(directory) ? fromConfiguration : TrustStore.LoadFromDirectory(directory).Merge(fromConfiguration);
        });
        services.Replace(ServiceDescriptor.Singleton<IEventAuthenticator, SignatureEventAuthenticator>());
        return services;
    }
}
