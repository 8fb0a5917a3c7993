using HealthCode.Api.Contracts;
using HealthCode.Api.Endpoints;
using HealthCode.Api.Problems;
using HealthCode.Translator.Profiles;
using HealthCode.Verifier.Ingestion;
using HealthCode.Verifier.Regional;
using HealthCode.Verifier.Store;
using HealthCode.Verifier.Transport;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace HealthCode.Api.Regional;

/// <summary>POST /v1/regions/{region}/heartbeat and GET /v1/regions/{region}/freshness.</summary>
public static class FreshnessEndpoints
{
    /// <summary>
    /// A heartbeat is an event of kind heartbeat: it goes through the broker and the consumer like any other (same
    /// signature rules; its sequence must beat the region's last heartbeat's), so it also proves the path works.
    /// </summary>
    public static async Task<Results<Ok<EventOutcome>, Accepted<StatusEventAccepted>, ProblemHttpResult>> Heartbeat(
        string region,
        [FromHeader(Name = StatusEventHeaders.Sequence)] string? sequence,
        [FromHeader(Name = StatusEventHeaders.Signature)] string? signature,
        [FromHeader(Name = StatusEventHeaders.KeyId)] string? keyId,
        [FromHeader(Name = RegionalRoutes.MessageIdHeader)] string? messageIdHeader,
        [FromQuery] string? wait,
        HttpRequest request,
        IRegionCatalog regions,
        [FromServices] IStatusEventPublisher publisher,
        [FromServices] IRegionalLedger ledger,
        TimeProvider time,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (regions.Find(region) is null) return Problem.UnknownRegion(region);
        if (!EventSequence.TryParse(sequence, out var number))
            return Problem.BadRequest(StatusEventHeaders.Sequence, $"{StatusEventHeaders.Sequence} must be an int64 greater than zero.");
        if (RegionalPublishing.ReadOptions(messageIdHeader, wait, out var messageId, out var waitFor) is { } badOption) return badOption;
        // A heartbeat has no body semantics; whatever was sent (often nothing) is what a signature covers.
        var body = await RawBody.ReadAsync(request, cancellationToken);
        if (body is null) return Problem.TooLarge(RawBody.MaxBytes);

        var heartbeat = new InboundStatusEvent(region, region, number.ToString(), EventKind.Heartbeat.ToWire(), request.ContentType, body,
            messageId, time.GetUtcNow(), string.IsNullOrEmpty(signature) ? null : signature, string.IsNullOrEmpty(keyId) ? null : keyId,
            StatusEventEndpoints.Channel);
        return await RegionalPublishing.PublishAsync(heartbeat, number, waitFor, ledger, publisher, time,
            loggers.CreateLogger(typeof(FreshnessEndpoints).FullName!), cancellationToken);
    }

    public static async Task<Results<Ok<FreshnessResponse>, ProblemHttpResult>> Get(string region, IRegionCatalog regions, IRegionalLedger ledger,
        TimeProvider time, CancellationToken cancellationToken)
    {
        if (regions.Find(region) is not { } profile) return Problem.UnknownRegion(region);
        var now = time.GetUtcNow();
        var signsRead = ledger.GetSignsAsync(region, cancellationToken);
        var lagRead = ledger.GetLagAsync(region, now, cancellationToken);
        try
        {
            await Task.WhenAll(signsRead, lagRead);
        }
        catch (StoreUnavailableException)
        {
            return OutcomeEndpoints.StoreUnavailable();
        }
        var (signs, lag) = (await signsRead, await lagRead);
        var budget = SilenceBudget.Of(profile);
        var since = signs.LastSignAt is { } last ? Math.Max(0, (long)Math.Floor((now - last).TotalSeconds)) : (long?)null;
        return TypedResults.Ok(new FreshnessResponse(region, profile.MaxSilence, signs.LastEventAt, signs.LastHeartbeatAt,
            budget is { } b && SilenceBudget.IsSilent(signs, b, now), since, lag));
    }
}
