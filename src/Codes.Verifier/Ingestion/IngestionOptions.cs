using System.ComponentModel.DataAnnotations;

namespace HealthCode.Verifier.Ingestion;

/// <summary>
/// Configuration section <see cref="Section"/>. Retention: how long an entry outlives the moment its status goes
/// stale; it must exceed the longest replay window (error-queue replays, redelivery), or a late older event could
/// re-insert itself after the newer entry expired. The retry budgets bound how long one event holds a handler.
/// </summary>
public sealed class IngestionOptions : IValidatableObject
{
    public const string Section = "HealthCode:Ingestion";

    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Store outage: tries (capped exponential backoff) before the event is handed back to its transport.</summary>
    [Range(1, 100)]
    public int StoreAttempts { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan StoreRetryFirstDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan StoreRetryMaxDelay { get; set; } = TimeSpan.FromMilliseconds(800);

    /// <summary>Unexpected exceptions: tries (linear backoff) before the event is refused as consumer-fault.</summary>
    [Range(1, 20)]
    public int FaultAttempts { get; set; } = 3;

    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan FaultRetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Deadline for one observer call: notifications are best effort and must not stall ingestion.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:05:00")]
    public TimeSpan ObserverTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (StoreRetryMaxDelay < StoreRetryFirstDelay)
            yield return new ValidationResult("StoreRetryMaxDelay must not be shorter than StoreRetryFirstDelay.",
                [nameof(StoreRetryMaxDelay), nameof(StoreRetryFirstDelay)]);
    }
}
