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
    /// Each handler mostly waits on Redis and the broker, so on two cores 64 of them drain about twice as fast as 8
    /// and make statuses visible about ten times sooner at the same rate, with no measurable cost to verify
    /// (docs/scale-out.md, "Measured").
    /// </summary>
    public ushort PrefetchCount { get; init; } = 128;
    public ushort ConcurrentHandlers { get; init; } = 64;

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
