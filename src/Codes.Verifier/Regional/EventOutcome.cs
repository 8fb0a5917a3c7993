namespace HealthCode.Verifier.Regional;

/// <summary>
/// One event's outcome as kept for its region (7 days): never a name, a document number or the payload. Reason and
/// Detail only for a rejection (Detail names fields, never values); Fields are the native field pointers at fault.
/// Sequence is absent when the event's own was unreadable. ReceivedAt is when the hub got it (the HTTP request, or the
/// consumer for AMQP events); DecidedAt when the consumer decided.
/// </summary>
public sealed record EventOutcome(
    string MessageId,
    EventState State,
    string? Reason,
    string? Detail,
    IReadOnlyList<string>? Fields,
    long? Sequence,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? DecidedAt);
