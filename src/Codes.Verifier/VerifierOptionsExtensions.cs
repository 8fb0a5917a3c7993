using HealthCode.Verifier.Ingestion;
using HealthCode.Verifier.Verification;
using Microsoft.Extensions.DependencyInjection;

namespace HealthCode.Verifier;

public static class VerifierOptionsExtensions
{
    /// <summary>
    /// Binds <see cref="IngestionOptions"/> to HealthCode:Ingestion and <see cref="VerificationOptions"/> to
    /// HealthCode:Verification, each validated (data annotations) at start-up: a bad value stops the host with the
    /// setting's name instead of surfacing at the first event or scan. Unset values keep their defaults.
    /// </summary>
    public static IServiceCollection AddVerifierOptions(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<IngestionOptions>().BindConfiguration(IngestionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<VerificationOptions>().BindConfiguration(VerificationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
