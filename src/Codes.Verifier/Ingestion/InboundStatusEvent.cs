namespace HealthCode.Verifier.Ingestion;

/// <summary>
/// A regional status event as it arrived, over AMQP or HTTP: the native body untouched plus the contract
/// headers of DESIGN.md §6. RoutingRegion is the AMQP routing key, or the region in the HTTP path. Snapshot is set for
/// the lines of a snapshot, which reach the consumer without the broker and have no message id.
/// </summary>
public sealed record InboundStatusEvent(
    string RoutingRegion,
    string? HeaderRegion,
    string? Sequence,
    string? Kind,
    string? ContentType,
    ReadOnlyMemory<byte> Body,
    string? MessageId,
    DateTimeOffset? Timestamp,
    string? Signature,
    string? KeyId,
    string Channel)
{
    public SnapshotLine? Snapshot { get; init; }
}
