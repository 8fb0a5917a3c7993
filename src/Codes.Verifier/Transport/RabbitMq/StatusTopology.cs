using RabbitMQ.Client;

namespace HealthCode.Verifier.Transport.RabbitMq;

/// <summary>
/// Declares what the service consumes from. The same objects are in deploy/rabbitmq/definitions.json so that events
/// published before the service first starts are kept; declarations here are idempotent and must use the same
/// arguments (a classic queue cannot be re-declared as quorum: PRECONDITION_FAILED).
/// </summary>
public static class StatusTopology
{
    // Quorum: replicated and durable on a cluster, and redelivery-safe. No delivery limit: a store outage
    // requeues the same event many times and must never dead-letter it.
    private static readonly Dictionary<string, object?> QuorumArguments = new() { ["x-queue-type"] = "quorum" };

    public static async Task DeclareAsync(IChannel channel, RabbitMqTransportOptions options, CancellationToken ct)
    {
        await channel.ExchangeDeclareAsync(options.Exchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: ct);
        await channel.QueueDeclareAsync(options.IngestQueue, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?>(QuorumArguments), cancellationToken: ct);
        await channel.QueueBindAsync(options.IngestQueue, options.Exchange, options.BindingKey, cancellationToken: ct);
        await channel.QueueDeclareAsync(options.ErrorQueue, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?>(QuorumArguments), cancellationToken: ct);
    }
}
