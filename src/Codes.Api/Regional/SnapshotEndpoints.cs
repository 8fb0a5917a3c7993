using HealthCode.Api.Problems;
using HealthCode.Translator.Profiles;
using HealthCode.Verifier.Regional;
using HealthCode.Verifier.Regional.Snapshots;
using HealthCode.Verifier.Store;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace HealthCode.Api.Regional;

/// <summary>
/// POST /v1/regions/{region}/snapshots (NDJSON, streamed to a spool file; 202 as soon as it is received, with Location)
/// and GET /v1/regions/{region}/snapshots/{id}. The lines bypass the broker and go straight to the consumer.
/// </summary>
public static class SnapshotEndpoints
{
    public static readonly string[] MediaTypes = ["application/x-ndjson", "application/ndjson", "application/jsonl"];

    public static async Task<Results<Accepted<SnapshotStatus>, ProblemHttpResult>> Start(string region, string? prune, HttpContext http,
        IRegionCatalog regions, SnapshotCoordinator snapshots, IOptions<RegionalOptions> options, CancellationToken cancellationToken)
    {
        if (regions.Find(region) is not { } profile) return Problem.UnknownRegion(region);
        if (prune is not (null or "" or "revoke")) return Problem.BadRequest("prune", "prune must be absent or 'revoke'.");
        if (!IsNdjson(http.Request.ContentType))
            return Problem.Of(StatusCodes.Status415UnsupportedMediaType, ProblemTypes.UnsupportedMediaType, "A snapshot is NDJSON.",
                $"Send Content-Type {MediaTypes[0]}: one JSON object per line.");
        var limit = options.Value.SnapshotMaxBytes;
        // The host's 64 KiB limit is for events; a snapshot may be larger. One byte more, so our own count answers first.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit + 1;

        SnapshotStart start;
        try
        {
            start = await snapshots.StartAsync(profile, http.Request.Body, http.Request.ContentLength, prune == "revoke", snapshotId: null,
                cancellationToken);
        }
        catch (StoreUnavailableException)
        {
            return OutcomeEndpoints.StoreUnavailable();
        }
        return start.Result switch
        {
            SnapshotStartResult.Started => TypedResults.Accepted(RegionalRoutes.Snapshot(region, start.Status!.Id), start.Status),
            SnapshotStartResult.Busy => Problem.Of(StatusCodes.Status409Conflict, ProblemTypes.Conflict, "A snapshot of this region is running.",
                "Wait until it is done (its status says so), then send this one again."),
            _ => Problem.Of(StatusCodes.Status413PayloadTooLarge, ProblemTypes.PayloadTooLarge, "The snapshot is too large.",
                $"A snapshot may be at most {limit} bytes."),
        };
    }

    public static async Task<Results<Ok<SnapshotStatus>, ProblemHttpResult>> Get(string region, string snapshotId, IRegionCatalog regions,
        SnapshotCoordinator snapshots, CancellationToken cancellationToken)
    {
        if (regions.Find(region) is null) return Problem.UnknownRegion(region);
        try
        {
            return await snapshots.GetAsync(region, snapshotId, cancellationToken) is { } status
                ? TypedResults.Ok(status)
                : Problem.Of(StatusCodes.Status404NotFound, ProblemTypes.NotFound, "No such snapshot.",
                    $"Region {region} has no snapshot with this id (records are kept 7 days).");
        }
        catch (StoreUnavailableException)
        {
            return OutcomeEndpoints.StoreUnavailable();
        }
    }

    private static bool IsNdjson(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType)) return false;
        var mediaType = contentType.Split(';')[0].Trim();
        return MediaTypes.Any(t => t.Equals(mediaType, StringComparison.OrdinalIgnoreCase));
    }
}
