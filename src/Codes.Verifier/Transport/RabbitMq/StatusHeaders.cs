namespace HealthCode.Verifier.Transport.RabbitMq;

/// <summary>AMQP header names: the public contract (DESIGN.md §6) and what the error queue adds.</summary>
public static class StatusHeaders
{
    public const string Region = "hc-region";
    public const string Sequence = "hc-sequence";
    public const string Kind = "hc-kind";
    public const string Signature = "hc-signature";
    public const string KeyId = "hc-key-id";

    /// <summary>Why the event is in the error queue: an <see cref="Ingestion.IngestionReasonCodes"/> value.</summary>
    public const string ErrorReason = "hc-error-reason";
    /// <summary>Field names and failure kind only, never a value from the body.</summary>
    public const string ErrorDetail = "hc-error-detail";
    /// <summary>UTC ISO 8601 time the event was moved to the error queue.</summary>
    public const string ErrorAt = "hc-error-at";
    /// <summary>The original routing key (the region), lost otherwise because the copy is routed to the error queue by name.</summary>
    public const string ErrorRoutingKey = "hc-error-routing-key";

    /// <summary>Reason for an event whose consumption kept throwing something other than a store outage.</summary>
    public const string ConsumerFault = Ingestion.IngestionReasonCodes.ConsumerFault;

    /// <summary>Added by RabbitMQ.Client's confirm tracking; meaningless once the message left the publishing channel.</summary>
    internal const string ClientSequenceNumber = "x-dotnet-pub-seq-no";
}
