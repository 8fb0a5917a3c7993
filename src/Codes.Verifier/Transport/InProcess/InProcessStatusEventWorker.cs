using HealthCode.Verifier.Ingestion;
using HealthCode.Verifier.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HealthCode.Verifier.Transport.InProcess;

/// <summary>
/// Feeds queued events, one at a time, to the same <see cref="StatusEventConsumer"/> the RabbitMQ transport uses,
/// then tells every observer. A store outage is retried (apply is an idempotent CAS); a bad event is never retried.
/// </summary>
public sealed partial class InProcessStatusEventWorker(
    InProcessStatusEventQueue queue,
    StatusEventConsumer consumer,
    IEnumerable<IStatusEventObserver> observers,
    InProcessTransportOptions options,
    TimeProvider time,
    ILogger<InProcessStatusEventWorker> logger) : BackgroundService
{
    public const string StoreUnavailableReason = "store-unavailable";
    public const string InternalErrorReason = "internal-error";
    private readonly IStatusEventObserver[] _observers = observers.ToArray();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var statusEvent in queue.Reader.ReadAllAsync(stoppingToken))
        {
            var result = await ConsumeWithRetryAsync(statusEvent, stoppingToken);
            if (result.Status == ConsumeStatus.Rejected)
                LogRejected(statusEvent.RoutingRegion, statusEvent.MessageId, result.ReasonCode, result.Detail);
            foreach (var observer in _observers)
            {
                try
                {
                    await observer.OnConsumedAsync(statusEvent, result, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One failing observer must not stop ingestion or starve the others.
                    LogObserverFailed(e, observer.GetType().Name);
                }
            }
        }
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Complete();
        return base.StopAsync(cancellationToken);
    }

    private async Task<ConsumeResult> ConsumeWithRetryAsync(InboundStatusEvent statusEvent, CancellationToken ct)
    {
        var delay = options.FirstRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await consumer.ConsumeAsync(statusEvent, ct);
            }
            catch (StoreUnavailableException) when (attempt < options.MaxAttempts)
            {
                LogRetrying(statusEvent.RoutingRegion, attempt, delay.TotalMilliseconds);
                await Task.Delay(delay, time, ct);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.MaxRetryDelay.Ticks));
            }
            catch (StoreUnavailableException e)
            {
                // No error queue in the embedded mode: the event is given up, counted and logged (without its body).
                LogGaveUp(e, statusEvent.RoutingRegion, statusEvent.MessageId, attempt);
                return ConsumeResult.Rejected(StoreUnavailableReason, $"The store stayed unavailable for {attempt} attempts.");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A bug in consuming one event must not stop the worker for every later event.
                LogFailed(e, statusEvent.RoutingRegion, statusEvent.MessageId);
                return ConsumeResult.Rejected(InternalErrorReason, "The event could not be consumed.");
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Status event {MessageId} for region {Region} rejected: {Reason} ({Detail})")]
    private partial void LogRejected(string region, string? messageId, string? reason, string? detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Status store unavailable for region {Region}, attempt {Attempt}; retrying in {DelayMs} ms")]
    private partial void LogRetrying(string region, int attempt, double delayMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Status event {MessageId} for region {Region} dropped after {Attempts} attempts: store unavailable")]
    private partial void LogGaveUp(Exception e, string region, string? messageId, int attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Status event {MessageId} for region {Region} failed")]
    private partial void LogFailed(Exception e, string region, string? messageId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Status event observer {Observer} failed")]
    private partial void LogObserverFailed(Exception e, string observer);
}
