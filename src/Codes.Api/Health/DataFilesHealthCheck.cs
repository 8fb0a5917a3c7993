using HealthCode.Api.Composition;
using HealthCode.Translator.Profiles;
using HealthCode.Verifier.Policies;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HealthCode.Api.Health;

/// <summary>
/// The state of the data files ("region-profiles" and "policies"): how many are loaded, or the file and field that
/// stopped loading. Start-up already refuses unusable files (<see cref="DataFileCheck"/>); this makes what is in force
/// visible to whoever reads readiness.
/// </summary>
public sealed class DataFilesHealthCheck(IServiceProvider services) : IHealthCheck
{
    public const string Profiles = "region-profiles";
    public const string Policies = "policies";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return Task.FromResult(HealthCheckResult.Healthy(Describe(context.Registration.Name)));
        }
        catch (DataFileException e)
        {
            return Task.FromResult(new HealthCheckResult(context.Registration.FailureStatus, $"Not loaded: {e.Message}"));
        }
    }

    /// <summary>What is loaded for the check (<see cref="Profiles"/> or <see cref="Policies"/>); throws <see cref="DataFileException"/> when it cannot load.</summary>
    public string Describe(string check) => check == Profiles ? DescribeProfiles() : DescribePolicies();

    private string DescribeProfiles()
    {
        var regions = services.GetRequiredService<IRegionCatalog>().All;
        return $"{regions.Count} region profiles loaded ({string.Join(", ", regions.Select(r => r.Id).Order(StringComparer.Ordinal))}).";
    }

    private string DescribePolicies()
    {
        var policies = services.GetRequiredService<IPolicyCatalog>().All;
        return $"{policies.Count} acceptance policies loaded ({string.Join(", ", policies.Select(p => $"{p.Id} {p.Version}"))}).";
    }

    public static IHealthChecksBuilder AddTo(IHealthChecksBuilder checks) => checks
        .AddCheck<DataFilesHealthCheck>(Profiles, tags: [HealthEndpoints.ReadyTag])
        .AddCheck<DataFilesHealthCheck>(Policies, tags: [HealthEndpoints.ReadyTag]);
}
