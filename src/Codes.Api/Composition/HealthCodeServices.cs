using HealthCode.Translator.Normalization;
using HealthCode.Translator.Profiles;
using HealthCode.Translator.Translation;
using HealthCode.Verifier.Ingestion;
using HealthCode.Verifier.Policies;
using HealthCode.Verifier.Trust;
using HealthCode.Verifier.Verification;
using Microsoft.Extensions.Options;

namespace HealthCode.Api.Composition;

/// <summary>The libraries: profiles, normalizer, translator, policies, verification and the one status-event consumer.</summary>
public static class HealthCodeServices
{
    public static IServiceCollection AddHealthCodeCore(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var schemas = Path.Combine(AppContext.BaseDirectory, "schemas");
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IRegionCatalog>(_ => RegionCatalog.LoadFromDirectory(Path.Combine(schemas, "regions")));
        services.AddSingleton<INormalizer>(sp => new Normalizer(sp.GetRequiredService<IRegionCatalog>()));
        services.AddSingleton(sp => new RiskTranslator(sp.GetRequiredService<IRegionCatalog>()));
        services.AddSingleton(_ => PolicyCatalog.LoadFromDirectory(Path.Combine(schemas, "policies")));
        // Regions that register ECDSA keys (trust files or HealthCode:Trust:<region>:<keyId>) must sign their events.
        var defaultTrust = Path.Combine(schemas, "trust");
        services.AddRegionSignatureTrust(configuration,
            configuration[TrustStore.DirectoryConfigurationKey] ?? (Directory.Exists(defaultTrust) ? defaultTrust : null));
        services.AddHostedService<DataFileCheck>();

        // Resolved now so a missing secret stops start-up with its own message, before anything listens.
        var secret = HolderSecret.Resolve(configuration, environment);
        services.AddSingleton(secret);
        services.AddSingleton(secret.Keys);

        services.AddSingleton(sp => new IngestionMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.AddSingleton(sp => new StatusEventConsumer(
            sp.GetRequiredService<Verifier.Store.IStatusStore>(),
            sp.GetRequiredService<INormalizer>(),
            sp.GetRequiredService<IRegionCatalog>(),
            sp.GetRequiredService<Verifier.Privacy.HolderKeys>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IEventAuthenticator>(),
            sp.GetRequiredService<IOptions<IngestionOptions>>(),
            sp.GetRequiredService<IngestionMetrics>()));
        services.AddSingleton(sp => new VerificationService(
            sp.GetRequiredService<Verifier.Store.IStatusStore>(),
            sp.GetRequiredService<Verifier.Regional.IRegionalLedger>(),
            sp.GetRequiredService<IRegionCatalog>(),
            sp.GetRequiredService<PolicyCatalog>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<VerificationOptions>>()));
        return services;
    }
}
