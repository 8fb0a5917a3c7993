namespace HealthCode.Verifier.Store;

public enum ApplyOutcome
{
    Applied,
    // The stored sequence is greater: a late event, and a no-op.
    Superseded,
    // The stored sequence is the same: an idempotent replay, and a no-op.
    Duplicate,
}
