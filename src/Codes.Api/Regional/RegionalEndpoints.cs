using HealthCode.Api.Auth;

namespace HealthCode.Api.Regional;

/// <summary>
/// What a regional system uses besides publishing (docs/regional-systems.md): event outcomes, the rejections feed,
/// snapshots, heartbeats and freshness. Mapped on the /v1 group; a publisher key sees only its own region's.
/// </summary>
public static class RegionalEndpoints
{
    public static IEndpointRouteBuilder MapRegionalEndpoints(this IEndpointRouteBuilder v1)
    {
        var region = v1.MapGroup("/regions/{region}").WithTags("Regional systems");
        region.MapGet("/status-events/{messageId}", OutcomeEndpoints.Get)
            .RequireAuthorization(Policies.RegionPublisher)
            .WithName("GetEventOutcome")
            .WithSummary("What became of one event (AMQP message_id or the id an HTTP publish answered): pending, applied, superseded, duplicate or rejected.")
            .WithDescription("Kept 7 days; no name, document number or payload. 404 for an unknown id and for another region's alike.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        region.MapGet("/rejections", RejectionEndpoints.List)
            .RequireAuthorization(Policies.RegionPublisher)
            .WithName("ListRejections")
            .WithSummary("The region's rejected events (and snapshot lines), oldest first; pass next as ?after= to read on.")
            .WithDescription($"limit 1-{RejectionEndpoints.MaxLimit} (default {RejectionEndpoints.DefaultLimit}). The feed is capped per region; the error queue stays for operators.")
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        region.MapPost("/heartbeat", FreshnessEndpoints.Heartbeat)
            .RequireAuthorization(Policies.RegionPublisher)
            .WithName("Heartbeat")
            .WithSummary("Prove the region alive (regions that declare maxSilence): an event of kind heartbeat, through the broker.")
            .WithDescription("X-HC-Sequence must beat the last heartbeat's (e.g. Unix milliseconds); signed like any event where the region signs. " +
                             "202 with Location, or 200 with ?wait once decided.")
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        region.MapGet("/freshness", FreshnessEndpoints.Get)
            .RequireAuthorization(Policies.AnyRole)
            .WithName("GetFreshness")
            .WithSummary("Last event, last heartbeat, silent or not, and publish→applied lag p50/p99 over the last 5 minutes.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        region.MapPost("/snapshots", SnapshotEndpoints.Start)
            .RequireAuthorization(Policies.RegionPublisher)
            .WithName("PushSnapshot")
            .WithSummary("Reconcile the hub with the region's full state: NDJSON, one line per code; 202 with Location once received.")
            .WithDescription("Each line {\"sequence\", \"contentType\"?, \"payload\", \"signature\"?, \"keyId\"?} goes through the consumer like an event. " +
                             "?prune=revoke revokes the region's codes the snapshot did not mention. 409 while one runs; 413 over the limit.")
            .Accepts<string>(false, SnapshotEndpoints.MediaTypes[0], SnapshotEndpoints.MediaTypes[1..])
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        region.MapGet("/snapshots/{snapshotId}", SnapshotEndpoints.Get)
            .RequireAuthorization(Policies.RegionPublisher)
            .WithName("GetSnapshot")
            .WithSummary("A snapshot's state (running, done, failed) and counts.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return v1;
    }
}
