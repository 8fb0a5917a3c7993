using HealthCode.Translator.Normalization;
using HealthCode.Translator.Profiles;
using HealthCode.Verifier.Privacy;
using HealthCode.Verifier.Store;
using Microsoft.Extensions.Options;

namespace HealthCode.Verifier.Ingestion;

/// <summary>
/// Turns one inbound status event (AMQP or HTTP, transport-agnostic) into a store update: headers read once into an
/// <see cref="EventEnvelope"/>, authenticated, the body normalized, the entry applied by sequence. Bad events are
/// Rejected, never thrown; <see cref="StoreUnavailableException"/> propagates so <see cref="IngestionPipeline"/>
/// retries (the apply is an idempotent CAS, so a retry is always safe).
/// </summary>
public sealed class StatusEventConsumer(
    IStatusStore store,
    INormalizer normalizer,
    IRegionCatalog regions,
    HolderKeys holderKeys,
    TimeProvider time,
    IEventAuthenticator authenticator,
    IOptions<IngestionOptions> options,
    IngestionMetrics metrics)
{
    private readonly IngestionOptions _options = options.Value;

    public IngestionMetrics Metrics { get; } = metrics;

    public async Task<ConsumeResult> ConsumeAsync(InboundStatusEvent e, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(e);
        var profile = regions.Find(e.RoutingRegion);
        var regionTag = profile?.Id ?? "other";
        try
        {
            var result = await ConsumeCoreAsync(e, profile, ct);
            Metrics.Record(result, regionTag, e.Timestamp);
            return result;
        }
        catch (StoreUnavailableException)
        {
            Metrics.RecordStoreFailure(regionTag);
            throw;
        }
    }

    private async Task<ConsumeResult> ConsumeCoreAsync(InboundStatusEvent e, RegionProfile? profile, CancellationToken ct)
    {
        var (envelope, rejection) = ReadEnvelope(e, profile);
        if (envelope is null) return rejection!;

        var auth = await authenticator.AuthenticateAsync(e, envelope, ct);
        if (!auth.Allowed)
            return ConsumeResult.Rejected(auth.ReasonCode ?? IngestionReasonCodes.Unauthenticated, auth.Detail ?? "The event could not be authenticated.");
        // A heartbeat touches no code: whether it is news (a higher heartbeat sequence) is the regional ledger's call.
        if (envelope.Kind == EventKind.Heartbeat) return ConsumeResult.HeartbeatAccepted();

        var now = time.GetUtcNow();
        var built = envelope.Kind == EventKind.Revoke ? BuildTombstone(e, envelope, now) : BuildStatus(e, envelope, now);
        if (built.Rejection is not null) return built.Rejection;
        var outcome = await store.ApplyAsync(built.Entry!, EntryLifetime.TimeToLive(built.Entry!, envelope.Region, _options.Retention, now), ct);
        return ConsumeResult.From(outcome, built.Entry!);
    }

    /// <summary>
    /// Revokes a code its region's snapshot left out (prune=revoke): a tombstone at the sequence the hub holds, which
    /// the store lets win over the status of that same sequence, so the region's next real event (any higher sequence)
    /// still applies. Nothing happens to a code that is gone, already revoked, or received at or after
    /// <paramref name="unchangedSince"/> (the region spoke about it while the snapshot ran). Applied means revoked now.
    /// </summary>
    public async Task<ConsumeResult> RevokeUnlistedAsync(RegionProfile profile, string code, DateTimeOffset unchangedSince, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentException.ThrowIfNullOrEmpty(code);
        var current = (await store.GetAsync(profile.Id, code, ct)).Entry;
        if (current is null || current.Revoked || current.ReceivedAt >= unchangedSince) return new ConsumeResult(ConsumeStatus.Superseded, Entry: current);
        var now = time.GetUtcNow();
        var tombstone = StatusEntry.Tombstone(profile.Id, code, new EventSequence(current.Sequence), statusAt: now, receivedAt: now);
        var outcome = await store.ApplyAsync(tombstone, EntryLifetime.TimeToLive(tombstone, profile, _options.Retention, now), ct);
        return ConsumeResult.From(outcome, tombstone);
    }

    private static (EventEnvelope? Envelope, ConsumeResult? Rejection) ReadEnvelope(InboundStatusEvent e, RegionProfile? profile)
    {
        if (string.IsNullOrEmpty(e.HeaderRegion) || !string.Equals(e.HeaderRegion, e.RoutingRegion, StringComparison.Ordinal))
            return (null, ConsumeResult.Rejected(IngestionReasonCodes.RegionMismatch,
                e.HeaderRegion is null ? "hc-region header is missing." : "hc-region header differs from the routing region."));
        if (profile is null)
            return (null, ConsumeResult.Rejected(IngestionReasonCodes.UnknownRegion, $"No profile for region '{e.RoutingRegion}'."));
        if (!EventSequence.TryParse(e.Sequence, out var sequence))
            return (null, ConsumeResult.Rejected(IngestionReasonCodes.BadSequence, "hc-sequence must be an int64 greater than zero."));
        if (!EventKinds.TryParse(e.Kind, out var kind))
            return (null, ConsumeResult.Rejected(IngestionReasonCodes.BadKind, $"hc-kind must be {EventKinds.Words}."));
        return (new EventEnvelope(profile, sequence, kind), null);
    }

    private (StatusEntry? Entry, ConsumeResult? Rejection) BuildStatus(InboundStatusEvent e, EventEnvelope envelope, DateTimeOffset now)
    {
        var profile = envelope.Region;
        var normalized = normalizer.Normalize(profile, e.Body.Span, e.ContentType, new NormalizationContext(now, e.Timestamp));
        if (!normalized.Succeeded) return (null, NormalizationRejection(normalized.Failure, normalized.Errors));
        var record = normalized.Record!;
        if (record.Issuer != profile.Id || !profile.MatchesCode(record.Code.Value))
            return (null, ConsumeResult.Rejected(IngestionReasonCodes.IssuerMismatch,
                $"The record's issuer or code value does not belong to region {profile.Id}."));
        return (StatusEntry.FromRecord(record, envelope.Sequence, holderKeys, now), null);
    }

    private (StatusEntry? Entry, ConsumeResult? Rejection) BuildTombstone(InboundStatusEvent e, EventEnvelope envelope, DateTimeOffset now)
    {
        var profile = envelope.Region;
        var read = normalizer.ReadCodeValue(profile, e.Body.Span, e.ContentType);
        if (read.Failure != FailureKind.None || string.IsNullOrEmpty(read.Code)) return (null, NormalizationRejection(read.Failure, read.Errors));
        if (!profile.MatchesCode(read.Code))
            return (null, ConsumeResult.Rejected(IngestionReasonCodes.IssuerMismatch,
                $"The code value does not match region {profile.Id}'s pattern."));
        return (StatusEntry.Tombstone(profile.Id, read.Code, envelope.Sequence, statusAt: e.Timestamp ?? now, receivedAt: now), null);
    }

    private static ConsumeResult NormalizationRejection(FailureKind failure, IReadOnlyDictionary<string, string[]> errors) =>
        ConsumeResult.Rejected(IngestionReasonCodes.NormalizationFailed, FailureDetail(failure, errors),
            errors.Keys.Order(StringComparer.Ordinal).ToArray());

    // Field paths and the failure kind only: the normalizer's own messages may quote values, which may be PII.
    private static string FailureDetail(FailureKind failure, IReadOnlyDictionary<string, string[]> errors)
    {
        var kind = failure switch
        {
            FailureKind.UnsupportedMediaType => "unsupported-media-type",
            FailureKind.Malformed => "malformed",
            FailureKind.None => "no-code-value",
            _ => "invalid",
        };
        return errors.Count == 0 ? kind : $"{kind}; fields: {string.Join(", ", errors.Keys.OrderBy(k => k, StringComparer.Ordinal))}";
    }
}
