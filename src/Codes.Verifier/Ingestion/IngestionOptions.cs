namespace HealthCode.Verifier.Ingestion;

/// <summary>
/// Retention: how long an entry outlives the moment its status goes stale. It must exceed the longest replay
/// window (error-queue replays, redelivery), or a late older event could re-insert itself after the newer
/// entry expired.
/// </summary>
public sealed record IngestionOptions
{
    public TimeSpan Retention { get; init; } = TimeSpan.FromDays(7);
}
