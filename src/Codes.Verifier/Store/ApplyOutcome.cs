namespace HealthCode.Verifier.Store;

public enum ApplyOutcome
{
    Applied,
    // The stored sequence is equal or greater: a duplicate or a late event, and a no-op.
    Superseded,
}
