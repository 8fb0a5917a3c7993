namespace HealthCode.Verifier.Ingestion;

public enum ConsumeStatus
{
    Applied,
    // Older sequence than the stored one: a late event, a no-op. Ack it.
    Superseded,
    // The same sequence as the stored one: an idempotent replay, a no-op. Ack it.
    Duplicate,
    // Never retried: the transport sends it to the error queue with ReasonCode in a header.
    Rejected,
}
