namespace HealthCode.Verifier.Regional;

/// <summary>
/// One entry of a region's rejections feed, oldest first. Id is the cursor (pass it as ?after= to read on). MessageId
/// is absent for a message without one and for snapshot lines, which name their Snapshot and Line instead. Never a
/// value from the payload: Detail and Fields name fields only.
/// </summary>
public sealed record RejectionItem(
    string Id,
    string? MessageId,
    string Reason,
    string? Detail,
    IReadOnlyList<string>? Fields,
    long? Sequence,
    DateTimeOffset At,
    string? Snapshot,
    long? Line);
