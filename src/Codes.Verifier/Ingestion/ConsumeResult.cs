namespace HealthCode.Verifier.Ingestion;

/// <summary>
/// What became of one event. For Rejected, ReasonCode is one of <see cref="IngestionReasonCodes"/> and Detail
/// explains it by field names only: never a field value (values may be names or document numbers).
/// </summary>
public sealed record ConsumeResult(ConsumeStatus Status, string? ReasonCode = null, string? Detail = null)
{
    public static readonly ConsumeResult Applied = new(ConsumeStatus.Applied);
    public static readonly ConsumeResult Superseded = new(ConsumeStatus.Superseded);
    public static ConsumeResult Rejected(string reasonCode, string detail) => new(ConsumeStatus.Rejected, reasonCode, detail);
}
