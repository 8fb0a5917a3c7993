using System.Globalization;
using HealthCode.Translator.Canonical;
using HealthCode.Translator.Normalization;
using HealthCode.Translator.Profiles;
using HealthCode.Verifier.Privacy;
using HealthCode.Verifier.Store;

namespace HealthCode.Verifier.Ingestion;

/// <summary>
/// Turns one inbound status event (AMQP or HTTP, transport-agnostic) into a store update. Bad events are
/// Rejected, never thrown; <see cref="StoreUnavailableException"/> propagates so the transport retries or
/// requeues (the apply is an idempotent CAS, so a retry is always safe).
/// </summary>
public sealed class StatusEventConsumer(
    IStatusStore store,
    INormalizer normalizer,
    IRegionCatalog regions,
    HolderKeys holderKeys,
    TimeProvider time,
    IEventAuthenticator? authenticator = null,
    IngestionOptions? options = null,
    IngestionMetrics? metrics = null)
{
    public const string KindStatus = "status";
    public const string KindRevoke = "revoke";
    private readonly IEventAuthenticator _authenticator = authenticator ?? AllowAllEventAuthenticator.Instance;
    private readonly IngestionOptions _options = options ?? new IngestionOptions();

    public IngestionMetrics Metrics { get; } = metrics ?? new IngestionMetrics();

    public async Task<ConsumeResult> ConsumeAsync(InboundStatusEvent e, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(e);
        var profile = regions.Find(e.RoutingRegion);
        var regionTag = profile?.Id ?? "other";
        try
        {
            var result = await ConsumeCoreAsync(e, profile, ct);
            Metrics.Record(result, regionTag);
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
        if (string.IsNullOrEmpty(e.HeaderRegion) || !string.Equals(e.HeaderRegion, e.RoutingRegion, StringComparison.Ordinal))
            return ConsumeResult.Rejected(IngestionReasonCodes.RegionMismatch,
                e.HeaderRegion is null ? "hc-region header is missing." : "hc-region header differs from the routing region.");
        if (profile is null)
            return ConsumeResult.Rejected(IngestionReasonCodes.UnknownRegion, $"No profile for region '{e.RoutingRegion}'.");
        if (!long.TryParse(e.Sequence, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) || sequence <= 0)
            return ConsumeResult.Rejected(IngestionReasonCodes.BadSequence, "hc-sequence must be an int64 greater than zero.");
        var kind = string.IsNullOrEmpty(e.Kind) ? KindStatus : e.Kind;
        if (kind is not (KindStatus or KindRevoke))
            return ConsumeResult.Rejected(IngestionReasonCodes.BadKind, "hc-kind must be 'status' or 'revoke'.");

        var auth = await _authenticator.AuthenticateAsync(e, profile, ct);
        if (!auth.Allowed)
            return ConsumeResult.Rejected(auth.ReasonCode ?? IngestionReasonCodes.Unauthenticated, auth.Detail ?? "The event could not be authenticated.");

        var now = time.GetUtcNow();
        var built = kind == KindRevoke ? BuildTombstone(e, profile, sequence, now) : BuildStatus(e, profile, sequence, now);
        if (built.Rejection is not null) return built.Rejection;
        var outcome = await store.ApplyAsync(built.Entry!, built.TimeToLive, ct);
        return outcome == ApplyOutcome.Applied ? ConsumeResult.Applied(built.Entry!) : ConsumeResult.Superseded(built.Entry!);
    }

    private (StatusEntry? Entry, TimeSpan TimeToLive, ConsumeResult? Rejection) BuildStatus(
        InboundStatusEvent e, RegionProfile profile, long sequence, DateTimeOffset now)
    {
        var normalized = normalizer.Normalize(profile, e.Body.Span, e.ContentType, new NormalizationContext(now, e.Timestamp));
        if (!normalized.Succeeded)
            return (null, default, ConsumeResult.Rejected(IngestionReasonCodes.NormalizationFailed, FailureDetail(normalized.Failure, normalized.Errors)));
        var record = normalized.Record!;
        if (record.Issuer != profile.Id || !profile.CodeRegex.IsMatch(record.Code.Value))
            return (null, default, ConsumeResult.Rejected(IngestionReasonCodes.IssuerMismatch,
                $"The record's issuer or code value does not belong to region {profile.Id}."));

        var code = record.Code;
        var document = record.Person.Document;
        var nat = record.Health?.Nat;
        var entry = new StatusEntry(
            Issuer: profile.Id,
            Code: code.Value,
            Sequence: sequence,
            Level: code.Level.ToWire(),
            NativeLevel: code.NativeLevel,
            SubStatus: code.SubStatus,
            StatusAt: code.StatusAt,
            ValidUntil: code.ValidUntil,
            Revoked: false,
            HolderKey: holderKeys.Compute(document.Type, document.Number),
            MaskedName: Masking.Name(record.Person.Name),
            MaskedDocument: Masking.Document(document.Number),
            NatResult: nat?.Result,
            NatSampledAt: nat?.SampledAt,
            NatReportedAt: nat?.ReportedAt,
            VaccineDoses: record.Health?.Vaccination?.Doses,
            RiskAreaVisit: record.Health?.Travel?.RiskAreaVisit,
            ReceivedAt: now);
        // Kept until it goes stale, then for the retention window, so the CAS still sees its sequence for late replays.
        var untilStale = code.StatusAt + profile.MaxStatusAgeSpan - now;
        return (entry, (untilStale > TimeSpan.Zero ? untilStale : TimeSpan.Zero) + _options.Retention, null);
    }

    private (StatusEntry? Entry, TimeSpan TimeToLive, ConsumeResult? Rejection) BuildTombstone(
        InboundStatusEvent e, RegionProfile profile, long sequence, DateTimeOffset now)
    {
        var read = normalizer.ReadCodeValue(profile, e.Body.Span, e.ContentType);
        if (read.Failure != FailureKind.None || string.IsNullOrEmpty(read.Code))
            return (null, default, ConsumeResult.Rejected(IngestionReasonCodes.NormalizationFailed, FailureDetail(read.Failure, read.Errors)));
        if (!profile.CodeRegex.IsMatch(read.Code))
            return (null, default, ConsumeResult.Rejected(IngestionReasonCodes.IssuerMismatch,
                $"The code value does not match region {profile.Id}'s pattern."));
        // No holder: a revoked code leaves its holder's index and stops restricting (or vouching for) that person.
        var tombstone = new StatusEntry(profile.Id, read.Code, sequence, RiskLevel.Unknown.ToWire(), KindRevoke, null,
            StatusAt: e.Timestamp ?? now, ValidUntil: null, Revoked: true, HolderKey: null, MaskedName: null,
            MaskedDocument: null, NatResult: null, NatSampledAt: null, NatReportedAt: null, VaccineDoses: null,
            RiskAreaVisit: null, ReceivedAt: now);
        return (tombstone, profile.MaxStatusAgeSpan + _options.Retention, null);
    }

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
