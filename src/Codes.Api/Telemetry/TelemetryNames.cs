using HealthCode.Verifier.Ingestion;
using HealthCode.Verifier.Transport.RabbitMq;

namespace HealthCode.Api.Telemetry;

/// <summary>The meters and activity sources this service exports, besides ASP.NET Core's, the runtime's and Redis's.</summary>
public static class TelemetryNames
{
    public const string ServiceName = "healthcode";

    public static readonly string[] Meters =
    [
        // StoreMetrics' meter also carries the replica acknowledgement's counter (ReplicaAcknowledgement.MeterName).
        VerifyMetrics.MeterName, StoreMetrics.MeterName, IngestionMetrics.MeterName, TransportMetrics.MeterName,
    ];

    /// <summary>Ours (the AMQP hop) and MassTransit's (the integration events).</summary>
    public static readonly string[] Sources = [AmqpTraceContext.SourceName, "MassTransit"];
}
