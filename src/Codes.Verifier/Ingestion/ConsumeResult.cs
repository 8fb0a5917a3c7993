using HealthCode.Verifier.Store;

namespace HealthCode.Verifier.Ingestion;

/// <summary>
/// What became of one event. For Rejected, ReasonCode is one of <see cref="IngestionReasonCodes"/> and Detail
/// explains it by field names only: never a field value (values may be names or document numbers).
/// Entry is what the event carried (masked, as stored) when it got as far as the store.
/// </summary>
public sealed record ConsumeResult(ConsumeStatus Status, string? ReasonCode = null, string? Detail = null, StatusEntry? Entry = null)
{
    public static ConsumeResult Applied(StatusEntry entry) => new(ConsumeStatus.Applied, Entry: entry);
    public static ConsumeResult Superseded(StatusEntry entry) => new(ConsumeStatus.Superseded, Entry: entry);
    public static ConsumeResult Rejected(string reasonCode, string detail) => new(ConsumeStatus.Rejected, reasonCode, detail);
}
