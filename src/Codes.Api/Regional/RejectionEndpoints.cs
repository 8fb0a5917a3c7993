using System.Globalization;
using HealthCode.Api.Problems;
using HealthCode.Translator.Profiles;
using HealthCode.Verifier.Regional;
using HealthCode.Verifier.Store;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HealthCode.Api.Regional;

/// <summary>GET /v1/regions/{region}/rejections?after=&amp;limit=: the region's rejected events, oldest first, with a next cursor.</summary>
public static class RejectionEndpoints
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    public static async Task<Results<Ok<RejectionPage>, ProblemHttpResult>> List(string region, string? after, string? limit, IRegionCatalog regions,
        IRegionalLedger ledger, CancellationToken cancellationToken)
    {
        if (regions.Find(region) is null) return Problem.UnknownRegion(region);
        if (!RejectionCursor.TryParse(after, out var cursor))
            return Problem.BadRequest("after", "after must be a cursor from a previous page (\"<milliseconds>-<counter>\") or 0.");
        var count = DefaultLimit;
        if (!string.IsNullOrEmpty(limit)
            && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > MaxLimit))
            return Problem.BadRequest("limit", $"limit must be a whole number from 1 to {MaxLimit}.");
        try
        {
            return TypedResults.Ok(await ledger.ReadRejectionsAsync(region, cursor.Value, count, cancellationToken));
        }
        catch (StoreUnavailableException)
        {
            return OutcomeEndpoints.StoreUnavailable();
        }
    }
}
