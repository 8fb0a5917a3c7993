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
    /// Concurrent handlers are safe: the store's CAS orders by sequence, not by arrival. Each handler waits on fsynced
    /// Redis scripts and a broker confirm, so the handler count bounds how fast a status becomes visible. Measured on one
    /// quiet 2-core machine (2026-12-02, bench/sync, publish→visible p99 after a warm-up): 32 ms at 300 events/s, 133 ms
    /// at 600/s and 294 ms at 1,000/s with 128/64; 306 ms at 300/s and behind from 600/s with 128/8. A stale status is
    /// a code that turned red still answering from its old colour, so visibility wins: 128/64. The price is verify's
    /// share of the same 2 cores right after a burst (bench/verify: 0.38–0.58× the baseline at 128/64, 0.55–0.71× at
    /// 128/8 and 32/8); a deployment that puts verify before visibility can lower the handlers. 128 deliveries of at
    /// most 64 KiB bound the buffered bodies to 8 MiB.
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
