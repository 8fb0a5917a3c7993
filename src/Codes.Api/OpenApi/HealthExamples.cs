using HealthCode.Api.Composition;
using HealthCode.Api.Contracts;
using HealthCode.Api.Health;
using HealthCode.Api.Reload;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace HealthCode.Api.OpenApi;

/// <summary>
/// Readiness examples for this deployment's own checks: the data files as they are loaded (their real descriptions),
/// and the store, ingestion connection and bus as they read when healthy, and with the store down (503).
/// </summary>
public sealed class HealthExamples(IOptions<HealthCheckServiceOptions> checks, RunningMode mode, ExampleSource source, IServiceProvider services)
{
    public ExampleSet Ready(ExampleSet set)
    {
        var ready = checks.Value.Registrations.Where(r => r.Tags.Contains(HealthEndpoints.ReadyTag)).ToList();
        var healthy = ready.ToDictionary(r => r.Name, r => new HealthCheckBody(nameof(HealthStatus.Healthy), Describe(r)));
        var storeDown = new Dictionary<string, HealthCheckBody>(healthy)
        {
            ["status-store"] = new(nameof(HealthStatus.Unhealthy),
                $"{StoreKind} did not answer a ping within {StatusStoreHealthCheck.Deadline.TotalSeconds:0} s (StoreUnavailableException)."),
        };
        return set
            .Response(StatusCodes.Status200OK, "ready", "Every dependency answers",
                source.Serialize(new HealthBody(nameof(HealthStatus.Healthy), healthy)))
            .Response(StatusCodes.Status503ServiceUnavailable, "store-down", "The status store does not answer",
                source.Serialize(new HealthBody(nameof(HealthStatus.Unhealthy), storeDown)));
    }

    private string StoreKind => mode.Embedded ? "In-memory status store" : "Redis status store";

    private string? Describe(HealthCheckRegistration registration) => registration.Name switch
    {
        "status-store" => $"{StoreKind} answered a ping in 0.4 ms.",
        DataFilesHealthCheck.Profiles or DataFilesHealthCheck.Policies => new DataFilesHealthCheck(services).Describe(registration.Name),
        CatalogReloadHealthCheck.Name => CatalogReloadHealthCheck.AllActive,
        "rabbitmq-ingestion" => "Consuming status events.",
        "masstransit-bus" => "Ready",
        _ => null,
    };
}
