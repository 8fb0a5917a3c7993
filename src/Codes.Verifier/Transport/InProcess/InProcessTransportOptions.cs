namespace HealthCode.Verifier.Transport.InProcess;

/// <summary>
/// Capacity bounds memory: when the queue is full, publishers wait (and the HTTP endpoint's deadline turns a long
/// wait into 503) rather than the process growing without limit. Store outages are retried with a capped backoff.
/// </summary>
public sealed record InProcessTransportOptions
{
    public int Capacity { get; init; } = 10_000;
    public int MaxAttempts { get; init; } = 8;
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromMilliseconds(100);
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(5);
}
