using HealthCode.Api.Problems;
using HealthCode.Translator.Profiles;
using HealthCode.Verifier.Regional;
using HealthCode.Verifier.Store;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HealthCode.Api.Regional;

/// <summary>GET /v1/regions/{region}/status-events/{messageId}: what became of one event, whichever way it came.</summary>
public static class OutcomeEndpoints
{
    public static async Task<Results<Ok<EventOutcome>, ProblemHttpResult>> Get(string region, string messageId, IRegionCatalog regions,
        IRegionalLedger ledger, CancellationToken cancellationToken)
    {
        if (regions.Find(region) is null) return Problem.UnknownRegion(region);
        EventOutcome? outcome;
        try
        {
            outcome = await ledger.GetOutcomeAsync(region, messageId, cancellationToken);
        }
        catch (StoreUnavailableException)
        {
            return StoreUnavailable();
        }
        // The same answer for an unknown id and another region's: the key is the region's, so nothing else is even read.
        return outcome is null
            ? Problem.Of(StatusCodes.Status404NotFound, ProblemTypes.NotFound, "No such event.",
                $"Region {region} has no event with this message id (outcomes are kept 7 days).")
            : TypedResults.Ok(outcome);
    }

    public static ProblemHttpResult StoreUnavailable() =>
        Problem.Of(StatusCodes.Status503ServiceUnavailable, ProblemTypes.StoreUnavailable, "The store did not answer.", "Retry later.");
}
