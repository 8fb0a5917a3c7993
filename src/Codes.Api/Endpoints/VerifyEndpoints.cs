using HealthCode.Api.Auth;
using HealthCode.Api.Contracts;
using HealthCode.Api.Problems;
using HealthCode.Api.Telemetry;
using HealthCode.Verifier.Verification;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HealthCode.Api.Endpoints;

/// <summary>
/// POST /v1/verify: maps the body to a <see cref="VerifyRequest"/> and the outcome to HTTP. What a valid request is
/// belongs to <see cref="VerifyRequestRules"/> (through <see cref="VerificationService"/>), never to this endpoint.
/// </summary>
public static class VerifyEndpoints
{
    public static IEndpointRouteBuilder MapVerifyEndpoints(this IEndpointRouteBuilder app)
    {
        // Timed and counted in the handler itself (VerifyMetrics), not by an endpoint filter: a filter is built per request
        // and boxes the arguments and the result, on the one path that runs for every scan.
        app.MapPost("/verify", Verify)
            .RequireAuthorization(Policies.Checkpoint)
            .WithTags("Verify")
            .WithName("Verify")
            .WithSummary("Is this scanned code valid here, now, for this scene?")
            .WithDescription("accept, deny or manual; fails closed: no fault, timeout or missing data yields accept. " +
                             "The response carries masked holder data only. 400 names each invalid field (an unknown " +
                             "checkpoint region included); 422 when the code cannot be attributed to one issuer.")
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    public static async Task<Results<Ok<VerifyResponse>, ProblemHttpResult>> Verify(
        VerifyRequestBody body,
        VerificationService verification,
        VerifyMetrics metrics,
        CancellationToken cancellationToken)
    {
        var started = metrics.Start();
        var result = await Answer(body, verification, cancellationToken);
        if (result.Result is Ok<VerifyResponse> { Value: { } response }) metrics.RecordDecision(response, started);
        else metrics.RecordRefused(started);
        return result;
    }

    /// <summary>What verify answers, unmeasured: the API reference's examples run it too, and they are not scans.</summary>
    public static async Task<Results<Ok<VerifyResponse>, ProblemHttpResult>> Answer(
        VerifyRequestBody body,
        VerificationService verification,
        CancellationToken cancellationToken)
    {
        var checkpoint = body.Checkpoint is { } c ? new CheckpointInfo(c.Region ?? "", c.Scene ?? "", c.Id) : null;
        var outcome = await verification.VerifyAsync(
            new VerifyRequest(body.Code ?? "", checkpoint, string.IsNullOrEmpty(body.Issuer) ? null : body.Issuer), cancellationToken);
        if (!outcome.IsRefused) return TypedResults.Ok(outcome.Response);

        var errors = outcome.Problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Detail).ToArray());
        if (outcome.IsInvalid)
            return Problem.Invalid(StatusCodes.Status400BadRequest, ProblemTypes.BadRequest, "The request is invalid.", errors);

        var problem = outcome.Problems[0];
        var result = Problem.Invalid(StatusCodes.Status422UnprocessableEntity, ProblemTypes.UnprocessableCode, "The code cannot be processed.",
            errors, problem.Detail);
        result.ProblemDetails.Extensions["code"] = problem.Code;
        return result;
    }
}
