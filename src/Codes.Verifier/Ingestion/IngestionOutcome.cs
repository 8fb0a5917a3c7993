namespace HealthCode.Verifier.Ingestion;

/// <summary>
/// What <see cref="IngestionPipeline"/> made of one event. HandBack: the store stayed down through every retry; that
/// is never the event's fault, so a transport with a queue returns the event to it (and tells no observer), while one
/// without a queue settles it with Result, a store-unavailable rejection.
/// </summary>
public sealed record IngestionOutcome(ConsumeResult Result, bool HandBack)
{
    public static IngestionOutcome Settled(ConsumeResult result) => new(result, HandBack: false);

    public static IngestionOutcome StoreStayedUnavailable(int attempts) => new(
        ConsumeResult.Rejected(IngestionReasonCodes.StoreUnavailable, $"The store stayed unavailable for {attempts} attempts."), HandBack: true);
}
