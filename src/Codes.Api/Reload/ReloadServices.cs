using HealthCode.Api.Composition;
using HealthCode.Api.Health;
using HealthCode.Translator.Profiles;
using HealthCode.Verifier.Catalogs;
using HealthCode.Verifier.Policies;
using Microsoft.Extensions.Options;

namespace HealthCode.Api.Reload;

/// <summary>
/// The region profiles and policies as swappable catalogues: loaded strictly at start-up (a bad file stops it, see
/// <see cref="DataFiles"/>), then reloaded file by file on a change or POST /v1/admin/reload. Every consumer takes
/// <see cref="IRegionCatalog"/> or <see cref="IPolicyCatalog"/> and so reads the current one on every call.
/// </summary>
public static class ReloadServices
{
    public static IServiceCollection AddReloadableCatalogs(this IServiceCollection services)
    {
        services.AddSingleton(sp => new ReloadableRegionCatalog(DataFiles.LoadRegions(Files(sp))));
        services.AddSingleton<IRegionCatalog>(sp => sp.GetRequiredService<ReloadableRegionCatalog>());
        services.AddSingleton(sp => new ReloadablePolicyCatalog(DataFiles.LoadPolicies(Files(sp))));
        services.AddSingleton<IPolicyCatalog>(sp => sp.GetRequiredService<ReloadablePolicyCatalog>());

        services.AddOptions<ReloadOptions>()
            .BindConfiguration(ReloadOptions.Section)
            .Validate(o => o.Debounce > TimeSpan.Zero && o.Debounce <= ReloadOptions.MaxDebounce,
                $"{ReloadOptions.Section}:Debounce must be positive and at most {ReloadOptions.MaxDebounce}")
            .ValidateOnStart();
        services.AddSingleton<CatalogReloadState>();
        services.AddSingleton<CatalogReloader>();
        services.AddHostedService<CatalogWatcher>();
        services.AddHealthChecks().AddCheck<CatalogReloadHealthCheck>(CatalogReloadHealthCheck.Name, tags: [HealthEndpoints.ReadyTag]);
        return services;
    }

    private static DataFileOptions Files(IServiceProvider services) => services.GetRequiredService<IOptions<DataFileOptions>>().Value;
}
