using HealthCode.Api.Reload;
using HealthCode.Translator.Normalization;
using HealthCode.Translator.Translation;
using HealthCode.Verifier;
using HealthCode.Verifier.Ingestion;
using HealthCode.Verifier.Trust;
using HealthCode.Verifier.Verification;

namespace HealthCode.Api.Composition;

/// <summary>The libraries: data files, normalizer, translator, holder keys, the one status-event consumer and verification.</summary>
public static class HealthCodeServices
{
    public static IServiceCollection AddHealthCodeCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);

        DataFileOptions.AddTo(services);
        services.AddReloadableCatalogs();
        // Regions that register ECDSA keys (trust files or HealthCode:Trust:<region>:<keyId>) must sign their events.
        services.AddRegionSignatureTrust(configuration, DataFileOptions.From(configuration).TrustFolder);
        services.AddHostedService<DataFileCheck>();

        HolderSecret.AddTo(services);
        services.AddSingleton<INormalizer, Normalizer>();
        services.AddSingleton<RiskTranslator>();
        services.AddSingleton<IngestionMetrics>();
        services.AddVerifierOptions();
        // Both take their options (IngestionOptions, VerificationOptions) from the container, as the Verifier registers them.
        services.AddSingleton<StatusEventConsumer>();
        services.AddSingleton<VerificationService>();
        return services;
    }
}
