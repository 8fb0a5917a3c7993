using HealthCode.Verifier.Ingestion;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HealthCode.Verifier.Transport.InProcess;

/// <summary>
/// Feeds queued events, one at a time, to the same <see cref="IngestionPipeline"/> the RabbitMQ transport uses, then
/// lets it tell the observers. With no queue to hand an event back to, an event the store stayed down for is settled
/// as the pipeline's store-unavailable rejection: counted, logged (without its body) and reported, and the worker goes on.
/// </summary>
public sealed partial class InProcessStatusEventWorker(
    InProcessStatusEventQueue queue,
    IngestionPipeline pipeline,
    ILogger<InProcessStatusEventWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var statusEvent in queue.Reader.ReadAllAsync(stoppingToken))
        {
            var result = (await pipeline.ConsumeAsync(statusEvent, stoppingToken)).Result;
            if (result.Status == ConsumeStatus.Rejected)
                LogRejected(statusEvent.RoutingRegion, statusEvent.MessageId, result.ReasonCode, result.Detail);
            await pipeline.NotifyAsync(statusEvent, result, stoppingToken);
        }
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Complete();
        return base.StopAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Status event {MessageId} for region {Region} rejected: {Reason} ({Detail})")]
    private partial void LogRejected(string region, string? messageId, string? reason, string? detail);
}
