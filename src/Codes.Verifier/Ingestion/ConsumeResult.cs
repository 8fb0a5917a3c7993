using HealthCode.Verifier.Store;

namespace HealthCode.Verifier.Ingestion;

/// <summary>
/// What became of one event. For Rejected, ReasonCode is one of <see cref="IngestionReasonCodes"/> and Detail
/// explains it by field names only: never a field value (values may be names or document numbers); Fields lists the
/// native field pointers at fault, when the refusal has any. Entry is what the event carried (masked, as stored) when
/// it got as far as the store; an accepted heartbeat has none.
/// </summary>
public sealed record ConsumeResult(ConsumeStatus Status, string? ReasonCode = null, string? Detail = null, StatusEntry? Entry = null)
{
    public IReadOnlyList<string> Fields { get; init; } = [];

    public static ConsumeResult Applied(StatusEntry entry) => new(ConsumeStatus.Applied, Entry: entry);
    public static ConsumeResult Superseded(StatusEntry entry) => new(ConsumeStatus.Superseded, Entry: entry);
    public static ConsumeResult Duplicate(StatusEntry entry) => new(ConsumeStatus.Duplicate, Entry: entry);
    public static ConsumeResult Rejected(string reasonCode, string detail) => new(ConsumeStatus.Rejected, reasonCode, detail);

    public static ConsumeResult Rejected(string reasonCode, string detail, IReadOnlyList<string> fields) =>
        new(ConsumeStatus.Rejected, reasonCode, detail) { Fields = fields };

    /// <summary>A heartbeat whose headers and signature passed: the regional ledger decides whether it is news.</summary>
    public static ConsumeResult HeartbeatAccepted() => new(ConsumeStatus.Applied);

    /// <summary>The result an apply of <paramref name="entry"/> came to.</summary>
    public static ConsumeResult From(ApplyOutcome outcome, StatusEntry entry) => outcome switch
    {
        ApplyOutcome.Applied => Applied(entry),
        ApplyOutcome.Duplicate => Duplicate(entry),
        _ => Superseded(entry),
    };
}
