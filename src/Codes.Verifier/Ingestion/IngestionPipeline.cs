using HealthCode.Translator.Profiles;
using HealthCode.Verifier.Regional;
using HealthCode.Verifier.Store;
using HealthCode.Verifier.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace HealthCode.Verifier.Ingestion;

/// <summary>
/// The one ingestion path every transport (and every snapshot line) feeds: <see cref="StatusEventConsumer"/> under a
/// Polly retry pipeline, then the <see cref="OutcomeRecorder"/> (what the region may ask about), then the observers. A
/// store outage is retried with capped exponential backoff and, if it outlasts the budget, handed back (never refused:
/// the CAS makes every retry safe and the event is not at fault). Any other exception is retried a few
/// times, then refused as <see cref="IngestionReasonCodes.ConsumerFault"/> so that a bug cannot block the queue.
/// The recorder runs after the consumer under store retries of its own, so a write that landed is never re-applied
/// (and misread as a duplicate) because the ledger stalled; if the ledger outlasts them the event is handed back too,
/// and the redelivery records the first decision anyone can see. Transports only map their deliveries in and act on
/// the <see cref="IngestionOutcome"/>.
/// </summary>
public sealed partial class IngestionPipeline
{
    private readonly StatusEventConsumer _consumer;
    private readonly OutcomeRecorder _recorder;
    private readonly IStatusEventObserver[] _observers;
    private readonly IngestionOptions _options;
    private readonly ILogger<IngestionPipeline> _logger;
    private readonly ResiliencePipeline _retries;
    private readonly ResiliencePipeline _storeRetries;

    public IngestionPipeline(StatusEventConsumer consumer, OutcomeRecorder recorder, IEnumerable<IStatusEventObserver> observers,
        IOptions<IngestionOptions> options, TimeProvider time, ILogger<IngestionPipeline> logger)
    {
        _consumer = consumer;
        _recorder = recorder;
        _observers = observers.ToArray();
        _options = options.Value;
        _logger = logger;
        _retries = BuildRetries(time, withFaultRetries: true);
        _storeRetries = BuildRetries(time, withFaultRetries: false);
    }

    public IngestionMetrics Metrics => _consumer.Metrics;

    public async Task<IngestionOutcome> ConsumeAsync(InboundStatusEvent e, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(e);
        ConsumeResult result;
        try
        {
            result = await _retries.ExecuteAsync(
                static (state, token) => new ValueTask<ConsumeResult>(state.Consumer.ConsumeAsync(state.Event, token)), (Consumer: _consumer, Event: e), ct);
        }
        catch (StoreUnavailableException ex)
        {
            LogStoreGaveUp(e.RoutingRegion, e.MessageId, _options.StoreAttempts, ex.Message);
            return IngestionOutcome.StoreStayedUnavailable(_options.StoreAttempts);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogFault(ex, e.RoutingRegion, e.MessageId, _options.FaultAttempts);
            // The type only: an exception message may quote the payload.
            result = ConsumeResult.Rejected(IngestionReasonCodes.ConsumerFault, $"Consuming threw {ex.GetType().Name} {_options.FaultAttempts} times.");
        }
        return await RecordAsync(e.RoutingRegion, e.MessageId, result, token => _recorder.RecordAsync(e, result, token), ct);
    }

    /// <summary>
    /// Revokes a code a snapshot left out (<see cref="StatusEventConsumer.RevokeUnlistedAsync"/>) under the same retries,
    /// and takes it out of the region's code index. Applied means revoked now.
    /// </summary>
    public async Task<IngestionOutcome> RevokeUnlistedAsync(RegionProfile region, string code, DateTimeOffset unchangedSince, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(region);
        ConsumeResult result;
        try
        {
            result = await _retries.ExecuteAsync(
                async token => await _consumer.RevokeUnlistedAsync(region, code, unchangedSince, token), ct);
        }
        catch (StoreUnavailableException ex)
        {
            LogStoreGaveUp(region.Id, null, _options.StoreAttempts, ex.Message);
            return IngestionOutcome.StoreStayedUnavailable(_options.StoreAttempts);
        }
        if (result.Status != ConsumeStatus.Applied) return IngestionOutcome.Settled(result);
        return await RecordAsync(region.Id, null, result, async token =>
        {
            await _recorder.RecordRevocationAsync(region, code, token);
            return result;
        }, ct);
    }

    private async Task<IngestionOutcome> RecordAsync(string region, string? messageId, ConsumeResult result,
        Func<CancellationToken, Task<ConsumeResult>> record, CancellationToken ct)
    {
        try
        {
            return IngestionOutcome.Settled(await _storeRetries.ExecuteAsync(async token => await record(token), ct));
        }
        catch (StoreUnavailableException ex)
        {
            LogStoreGaveUp(region, messageId, _options.StoreAttempts, ex.Message);
            return IngestionOutcome.StoreStayedUnavailable(_options.StoreAttempts);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // A bug in the bookkeeping must not block the queue: the event itself is settled.
            LogRecordFault(ex, region, messageId);
            return IngestionOutcome.Settled(result);
        }
    }

    /// <summary>
    /// Tells every observer, each within <see cref="IngestionOptions.ObserverTimeout"/>. Called once the transport has
    /// settled the event: a slow or failing observer (notifications) never delays or endangers the event itself.
    /// </summary>
    public async Task NotifyAsync(InboundStatusEvent e, ConsumeResult result, CancellationToken ct)
    {
        foreach (var observer in _observers)
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
            deadline.CancelAfter(_options.ObserverTimeout);
            try
            {
                await observer.OnConsumedAsync(e, result, deadline.Token);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                // One failing observer must not stop ingestion or starve the others.
                LogObserverFailed(ex, observer.GetType().Name);
            }
        }
    }

    // Outer: unexpected faults, linear backoff. Inner: store outages, capped exponential backoff. A fault retry starts
    // the store budget afresh; an exhausted store budget passes through the outer strategy untouched.
    private ResiliencePipeline BuildRetries(TimeProvider time, bool withFaultRetries)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (withFaultRetries && _options.FaultAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } ex && ex is not StoreUnavailableException
                    && !(ex is OperationCanceledException && args.Context.CancellationToken.IsCancellationRequested)),
                MaxRetryAttempts = _options.FaultAttempts - 1,
                BackoffType = DelayBackoffType.Linear,
                Delay = _options.FaultRetryDelay,
                UseJitter = false,
            });
        }
        if (_options.StoreAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<StoreUnavailableException>(),
                MaxRetryAttempts = _options.StoreAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                Delay = _options.StoreRetryFirstDelay,
                MaxDelay = _options.StoreRetryMaxDelay,
                UseJitter = false,
                OnRetry = args =>
                {
                    LogStoreRetry(args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            });
        }
        return builder.Build();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Status store unavailable (attempt {Attempt}); retrying in {DelayMs} ms")]
    private partial void LogStoreRetry(int attempt, double delayMs);

    // No stack trace: during an outage this fires for every event, every requeue cycle.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Status store unavailable for event {MessageId} of region {Region} after {Attempts} attempts; handing it back ({Cause})")]
    private partial void LogStoreGaveUp(string region, string? messageId, int attempts, string cause);

    [LoggerMessage(Level = LogLevel.Error, Message = "Consuming status event {MessageId} of region {Region} failed {Attempts} times; refusing it as consumer-fault")]
    private partial void LogFault(Exception e, string region, string? messageId, int attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Recording the outcome of status event {MessageId} of region {Region} failed; the event itself is settled")]
    private partial void LogRecordFault(Exception e, string region, string? messageId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Status event observer {Observer} failed")]
    private partial void LogObserverFailed(Exception e, string observer);
}
