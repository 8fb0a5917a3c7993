namespace HealthCode.Verifier.Ingestion;

/// <summary>
/// Stable reasons an event is rejected (put in the error queue's header and counted). The last two are the pipeline's,
/// not the event's: see <see cref="IngestionPipeline"/>.
/// </summary>
public static class IngestionReasonCodes
{
    /// <summary>hc-region is missing or differs from the routing key / path region.</summary>
    public const string RegionMismatch = "region-mismatch";
    /// <summary>No profile is loaded for the region.</summary>
    public const string UnknownRegion = "unknown-region";
    /// <summary>hc-sequence is missing or not an int64 greater than zero.</summary>
    public const string BadSequence = "bad-sequence";
    /// <summary>hc-kind is present and not a word of <see cref="EventKind"/>.</summary>
    public const string BadKind = "bad-kind";
    /// <summary>The authenticator refused the event (signature missing or wrong).</summary>
    public const string Unauthenticated = "unauthenticated";
    /// <summary>The payload did not normalize; Detail names the failure kind and the offending fields.</summary>
    public const string NormalizationFailed = "normalization-failed";
    /// <summary>The record's issuer or code pattern belongs to another region than the one that published it.</summary>
    public const string IssuerMismatch = "issuer-mismatch";

    /// <summary>The region registers signing keys and the event carries no hc-signature.</summary>
    public const string SignatureMissing = "signature-missing";
    /// <summary>hc-signature is not base64, not a P-256 signature, or does not verify over the body bytes.</summary>
    public const string SignatureInvalid = "signature-invalid";
    /// <summary>hc-key-id names no key registered for the region.</summary>
    public const string UnknownKeyId = "unknown-key-id";
    /// <summary>The named key, or every key of the region, is outside its notBefore/notAfter window.</summary>
    public const string KeyNotValid = "key-not-valid";

    /// <summary>A snapshot line that is not one JSON object with a positive integer sequence and a string payload.</summary>
    public const string MalformedLine = "malformed-line";
    /// <summary>An AMQP snapshot for a region whose previous snapshot still runs (HTTP answers 409 instead).</summary>
    public const string SnapshotRunning = "snapshot-running";
    /// <summary>An AMQP snapshot message without a usable snapshot id, or with a body over the snapshot limit.</summary>
    public const string BadSnapshot = "bad-snapshot";

    /// <summary>Consuming kept throwing something other than a store outage (a bug must not block the queue).</summary>
    public const string ConsumerFault = "consumer-fault";
    /// <summary>
    /// The store stayed down through every retry and the transport has no queue to hand the event back to (the
    /// in-process bus only); the RabbitMQ transport requeues instead and never refuses an event for an outage.
    /// </summary>
    public const string StoreUnavailable = "store-unavailable";

    public static readonly IReadOnlyList<string> All =
        [RegionMismatch, UnknownRegion, BadSequence, BadKind, Unauthenticated, NormalizationFailed, IssuerMismatch,
         SignatureMissing, SignatureInvalid, UnknownKeyId, KeyNotValid, MalformedLine, SnapshotRunning, BadSnapshot, ConsumerFault, StoreUnavailable];
}
