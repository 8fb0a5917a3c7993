using HealthCode.Api.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HealthCode.Api.Health;

public static class HealthEndpoints
{
    /// <summary>Checks with this tag decide readiness (store and data files here; the RabbitMQ transport adds its own).</summary>
    public const string ReadyTag = "ready";

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        var health = app.MapGroup("/health").WithTags("Health").AllowAnonymous().DisableRateLimiting();
        health.MapGet("/live", Live)
            .WithName("Live").WithSummary("Liveness: 200 while the process runs.");
        health.MapGet("/ready", Ready)
            .WithName("Ready")
            .WithSummary("Readiness: each dependency with its status and a short description; 503 when any of them fails; Degraded (e.g. a refused profile file whose previous version stays active) is listed and still 200.")
            .WithDescription("Dependencies: the status store (Redis or in-memory), in the real mode the ingestion connection " +
                             "(rabbitmq-ingestion) and the notification bus (masstransit-bus), and the loaded region profiles and policies.")
            .Produces<HealthBody>(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    // No dependency may fail liveness: restarting the process would not bring Redis back.
    public static Ok<HealthBody> Live() => TypedResults.Ok(new HealthBody(nameof(HealthStatus.Healthy)));

    public static async Task<Results<Ok<HealthBody>, JsonHttpResult<HealthBody>>> Ready(HealthCheckService checks, CancellationToken cancellationToken)
    {
        var report = await checks.CheckHealthAsync(c => c.Tags.Contains(ReadyTag), cancellationToken);
        var body = new HealthBody(report.Status.ToString(),
            report.Entries.ToDictionary(e => e.Key, e => new HealthCheckBody(e.Value.Status.ToString(), e.Value.Description)));
        // Degraded serves traffic (e.g. a refused profile file whose previous version stays active): listed, still 200.
        return report.Status != HealthStatus.Unhealthy
            ? TypedResults.Ok(body)
            : TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
