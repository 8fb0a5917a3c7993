namespace HealthCode.Verifier.Ingestion;

public enum ConsumeStatus
{
    Applied,
    // Equal or older sequence: a duplicate or late event, a no-op. Ack it.
    Superseded,
    // Never retried: the transport sends it to the error queue with ReasonCode in a header.
    Rejected,
}
