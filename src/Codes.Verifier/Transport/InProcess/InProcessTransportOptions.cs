namespace HealthCode.Verifier.Transport.InProcess;

/// <summary>
/// Capacity bounds memory: when the queue is full, publishers wait (and the HTTP endpoint's deadline turns a long
/// wait into 503) rather than the process growing without limit. Retries belong to the ingestion pipeline.
/// </summary>
public sealed record InProcessTransportOptions
{
    public int Capacity { get; init; } = 10_000;
}
