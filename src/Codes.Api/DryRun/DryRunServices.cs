using HealthCode.Translator.Normalization;
using HealthCode.Translator.Profiles;
using HealthCode.Verifier.Policies;
using HealthCode.Verifier.Verification;

namespace HealthCode.Api.DryRun;

public static class DryRunServices
{
    /// <summary>The dry run (engine, reader, runner) and the sample library of the playground.</summary>
    public static IServiceCollection AddDryRun(this IServiceCollection services)
    {
        services.AddSingleton(sp => new DryRunEngine(
            sp.GetRequiredService<IRegionCatalog>(),
            sp.GetRequiredService<INormalizer>(),
            sp.GetRequiredService<PolicyCatalog>(),
            sp.GetRequiredService<TimeProvider>(),
            // The same options the real verify runs with, so a dry run decides as it would.
            sp.GetService<VerificationOptions>() ?? new VerificationOptions()));
        services.AddSingleton<DryRunRequestReader>();
        services.AddSingleton<DryRunRunner>();
        services.AddSingleton<SampleLibrary>();
        return services;
    }
}
