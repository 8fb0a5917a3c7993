using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HealthCode.Verifier.Transport.RabbitMq;

/// <summary>Ready only while the ingestion consumer is attached to an open channel (tag "ready").</summary>
public sealed class IngestionConnectionHealthCheck(StatusIngestionService ingestion) : IHealthCheck
{
    public const string Name = "rabbitmq-ingestion";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(ingestion.IsConsuming
            ? HealthCheckResult.Healthy("Consuming status events.")
            : HealthCheckResult.Unhealthy("Not consuming status events: the broker is unreachable or the channel is closed."));
}
