namespace HealthCode.Verifier.Transport.RabbitMq;

/// <summary>
/// Names follow the public AMQP contract (DESIGN.md §6) and deploy/rabbitmq/definitions.json; tests override them
/// to run on queues of their own. Retries belong to the ingestion pipeline (<c>IngestionOptions</c>), not the transport.
/// </summary>
public sealed record RabbitMqTransportOptions
{
    public string ConnectionString { get; init; } = "amqp://guest:guest@127.0.0.1:5672/";
    public string Exchange { get; init; } = "hc.status";
    public string IngestQueue { get; init; } = "hc.status.ingest";
    public string ErrorQueue { get; init; } = "hc.status.error";
    /// <summary>Binding key of the ingest queue on the exchange: every region.</summary>
    public string BindingKey { get; init; } = "#";

    /// <summary>
    /// Unacked deliveries the broker may push; handlers run at most <see cref="ConcurrentHandlers"/> of them at once.
    /// More handlers make statuses visible sooner (docs/scale-out.md, "Measured"), but at 128/64 the Cluster failover
    /// test with seed 18040772 ends with a stale entry in a holder's index (a code denied for another code's old red)
    /// twice out of two runs, and passes at 32/8: until that is understood the defaults stay at 32/8.
    /// </summary>
    public ushort PrefetchCount { get; init; } = 32;
    public ushort ConcurrentHandlers { get; init; } = 8;

    /// <summary>Pause before a requeue so an outage does not turn into a hot redelivery loop.</summary>
    public TimeSpan RequeueDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Deadline for one publish including its broker confirm (HTTP publishes, error-queue copies).</summary>
    public TimeSpan PublishTimeout { get; init; } = TimeSpan.FromSeconds(5);
    /// <summary>
    /// MassTransit's WaitUntilStarted for the notification bus. Off by default: a checkpoint API must come up (and
    /// answer manual, and report not ready) while the broker is down; the bus connects in the background, and
    /// notifications are best effort — status events themselves never go through this bus.
    /// </summary>
    public bool WaitForBusAtStartup { get; init; }

    /// <summary>Backoff cap while the broker is unreachable at start-up.</summary>
    public TimeSpan ConnectRetryMaxDelay { get; init; } = TimeSpan.FromSeconds(15);
}
