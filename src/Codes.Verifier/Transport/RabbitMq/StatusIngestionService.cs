using HealthCode.Verifier.Ingestion;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace HealthCode.Verifier.Transport.RabbitMq;

/// <summary>
/// Consumes hc.status.ingest with RabbitMQ.Client directly rather than MassTransit: the public contract is the raw
/// native body (JSON, or XML for Shaanxi) plus plain AMQP properties and headers from any language's client — no
/// envelope, no single message type — and ingestion needs exact control of when to ack, when to requeue (store
/// outage) and what goes to the error queue with which headers. MassTransit carries only the service's own events.
/// Manual acks, prefetch-bounded, at most ConcurrentHandlers deliveries in flight.
/// </summary>
public sealed partial class StatusIngestionService(
    AmqpConnectionSource connectionSource,
    StatusDeliveryHandler handler,
    IngestionPipeline pipeline,
    RabbitMqTransportOptions options,
    TransportMetrics metrics,
    TimeProvider time,
    ILogger<StatusIngestionService> logger) : BackgroundService
{
    private volatile IChannel? _channel;
    private readonly TaskCompletionSource _consuming = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>True while the connection is open and a consumer is registered on an open channel (readiness).</summary>
    public bool IsConsuming => connectionSource.IsOpen && _channel is { IsOpen: true };

    /// <summary>The broker node the consumer's connection is on (on a cluster it changes when the node dies); null before it connected.</summary>
    public AmqpTcpEndpoint? Endpoint => connectionSource.Endpoint;

    /// <summary>Completes once the first consumer is registered (tests and start-up probes wait on it).</summary>
    public Task Consuming => _consuming.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Yield so host start-up is never held up by a broker that is down.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var connection = await connectionSource.GetAsync(retryUntilCancelled: true, stoppingToken);
                await StartConsumerAsync(connection, stoppingToken);
                // Connection failures are healed by the client's automatic recovery; a channel closed by a
                // channel-level error (which recovery does not reopen) is replaced here.
                while (!stoppingToken.IsCancellationRequested && (_channel is { IsOpen: true } || !connection.IsOpen))
                    await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken);
                if (!stoppingToken.IsCancellationRequested) LogChannelClosed(_channel?.CloseReason?.ReplyText);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                LogConsumerSetupFailed(e);
                try { await Task.Delay(TimeSpan.FromSeconds(2), time, stoppingToken); }
                catch (OperationCanceledException) { break; }
            }
        }
    }

    private async Task StartConsumerAsync(IConnection connection, CancellationToken ct)
    {
        if (_channel is not null) await _channel.DisposeAsync();
        var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: false, publisherConfirmationTrackingEnabled: false,
                consumerDispatchConcurrency: options.ConcurrentHandlers), ct);
        await StatusTopology.DeclareAsync(channel, options, ct);
        await channel.BasicQosAsync(prefetchSize: 0, prefetchCount: options.PrefetchCount, global: false, ct);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) => OnDeliveryAsync(channel, delivery, ct);
        await channel.BasicConsumeAsync(options.IngestQueue, autoAck: false, consumer, ct);
        _channel = channel;
        LogConsuming(options.IngestQueue, options.PrefetchCount, options.ConcurrentHandlers);
        _consuming.TrySetResult();
    }

    private async Task OnDeliveryAsync(IChannel channel, BasicDeliverEventArgs delivery, CancellationToken stoppingToken)
    {
        var e = StatusMessageMapper.ToInboundEvent(delivery.RoutingKey, delivery.BasicProperties, delivery.Body);
        // Continues the publisher's trace (traceparent header): consume, store write and ack are its children.
        using var activity = AmqpTraceContext.StartProcess(delivery.BasicProperties, options.IngestQueue, delivery.RoutingKey);
        DeliveryOutcome outcome;
        try
        {
            outcome = await handler.HandleAsync(e, delivery.RoutingKey, delivery.BasicProperties, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: leave it unacked; the broker redelivers it to the next consumer.
            return;
        }
        catch (Exception ex)
        {
            // The handler turns consumer failures into outcomes; reaching here is a transport bug. Requeue rather than
            // leave the delivery unacked (which would hold a prefetch slot until the channel closes).
            LogHandlerFailed(ex, e.RoutingRegion, e.MessageId);
            outcome = new DeliveryOutcome(Ack: false, Result: null);
        }

        AmqpTraceContext.RecordOutcome(activity, outcome);
        try
        {
            if (outcome.Ack)
            {
                await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, CancellationToken.None);
            }
            else
            {
                await Task.Delay(options.RequeueDelay, time, stoppingToken);
                await channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: true, CancellationToken.None);
                metrics.RecordRequeued();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            // The channel or connection went away: the broker redelivers every unacked delivery.
            LogSettleFailed(ex, e.RoutingRegion, e.MessageId);
            return;
        }

        // After the ack: observers never delay or endanger the event itself.
        if (outcome.Result is { } result) await pipeline.NotifyAsync(e, result, stoppingToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_channel is { } channel)
        {
            try { await channel.CloseAsync(cancellationToken); } catch (Exception) { /* stopping: unacked deliveries return to the queue */ }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Consuming {Queue} (prefetch {Prefetch}, {Handlers} concurrent handlers)")]
    private partial void LogConsuming(string queue, ushort prefetch, ushort handlers);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ingestion channel closed ({Reason}); reopening it")]
    private partial void LogChannelClosed(string? reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not start the ingestion consumer; retrying")]
    private partial void LogConsumerSetupFailed(Exception e);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not ack/nack status event {MessageId} of region {Region}; the broker will redeliver it")]
    private partial void LogSettleFailed(Exception e, string region, string? messageId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling status event {MessageId} of region {Region} failed; requeueing it")]
    private partial void LogHandlerFailed(Exception e, string region, string? messageId);
}
