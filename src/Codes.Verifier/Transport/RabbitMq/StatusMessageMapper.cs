using HealthCode.Verifier.Ingestion;
using RabbitMQ.Client;

namespace HealthCode.Verifier.Transport.RabbitMq;

/// <summary>Between the AMQP form of a status event (routing key, properties, headers, raw body) and <see cref="InboundStatusEvent"/>.</summary>
public static class StatusMessageMapper
{
    public const string Channel = "amqp";

    /// <summary>9999-12-31T23:59:59Z, the last second a DateTimeOffset holds.</summary>
    private const long MaxUnixSeconds = 253402300799;

    public static InboundStatusEvent ToInboundEvent(string routingKey, IReadOnlyBasicProperties properties, ReadOnlyMemory<byte> body)
    {
        var headers = properties.Headers;
        return new InboundStatusEvent(
            RoutingRegion: routingKey,
            HeaderRegion: AmqpHeaderValues.GetString(headers, StatusHeaders.Region),
            Sequence: AmqpHeaderValues.GetString(headers, StatusHeaders.Sequence),
            Kind: AmqpHeaderValues.GetString(headers, StatusHeaders.Kind),
            ContentType: properties.IsContentTypePresent() ? properties.ContentType : null,
            // The client reuses the delivery buffer once the handler returns; the event may outlive it (observers).
            Body: body.ToArray(),
            MessageId: properties.IsMessageIdPresent() ? properties.MessageId : null,
            // Any int64 can arrive; FromUnixTimeSeconds throws past 9999-12-31, and a throw here left the delivery unacked.
            Timestamp: properties.IsTimestampPresent() && properties.Timestamp.UnixTime is > 0 and <= MaxUnixSeconds
                ? DateTimeOffset.FromUnixTimeSeconds(properties.Timestamp.UnixTime)
                : null,
            Signature: AmqpHeaderValues.GetString(headers, StatusHeaders.Signature),
            KeyId: AmqpHeaderValues.GetString(headers, StatusHeaders.KeyId),
            Channel: Channel);
    }

    /// <summary>The properties a regional system would send: persistent, with only the headers that are present.</summary>
    public static BasicProperties ToProperties(InboundStatusEvent e, DateTimeOffset now)
    {
        var headers = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (e.HeaderRegion is not null) headers[StatusHeaders.Region] = e.HeaderRegion;
        // The contract says int64; anything else is passed through as given so the consumer rejects it the same way.
        if (e.Sequence is not null)
            headers[StatusHeaders.Sequence] = EventSequence.TryParse(e.Sequence, out var n) ? n.Value : e.Sequence;
        if (e.Kind is not null) headers[StatusHeaders.Kind] = e.Kind;
        if (e.Signature is not null) headers[StatusHeaders.Signature] = e.Signature;
        if (e.KeyId is not null) headers[StatusHeaders.KeyId] = e.KeyId;
        var properties = new BasicProperties
        {
            Persistent = true,
            MessageId = e.MessageId ?? Guid.NewGuid().ToString("N"),
            Timestamp = new AmqpTimestamp((e.Timestamp ?? now).ToUnixTimeSeconds()),
            Headers = headers,
        };
        if (e.ContentType is not null) properties.ContentType = e.ContentType;
        return properties;
    }
}
