using FluentValidation;
using HealthCode.Api.Auth;
using HealthCode.Api.Contracts;
using HealthCode.Api.Problems;
using HealthCode.Verifier.Verification;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HealthCode.Api.Endpoints;

public static class VerifyEndpoints
{
    public static IEndpointRouteBuilder MapVerifyEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/verify", Verify)
            .RequireAuthorization(Policies.Checkpoint)
            .WithTags("Verify")
            .WithName("Verify")
            .WithSummary("Is this scanned code valid here, now, for this scene?")
            .WithDescription("accept, deny or manual; fails closed: no fault, timeout or missing data yields accept. " +
                             "The response carries masked holder data only.")
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    public static async Task<Results<Ok<VerifyResponse>, ProblemHttpResult>> Verify(
        VerifyRequestBody body,
        IValidator<VerifyRequestBody> validator,
        VerificationService verification,
        CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(body, cancellationToken);
        if (!validation.IsValid)
            return Problem.Invalid(StatusCodes.Status400BadRequest, ProblemTypes.BadRequest, "The request is invalid.", validation.ToDictionary());

        var checkpoint = body.Checkpoint!;
        var outcome = await verification.VerifyAsync(
            new VerifyRequest(body.Code!, new CheckpointInfo(checkpoint.Region!, checkpoint.Scene!, checkpoint.Id),
                string.IsNullOrEmpty(body.Issuer) ? null : body.Issuer),
            cancellationToken);
        if (!outcome.IsUnprocessable) return TypedResults.Ok(outcome.Response);

        var problem = Problem.Invalid(StatusCodes.Status422UnprocessableEntity, ProblemTypes.UnprocessableCode, "The code cannot be processed.",
            new Dictionary<string, string[]> { [outcome.Problem.Field] = [outcome.Problem.Detail] }, outcome.Problem.Detail);
        problem.ProblemDetails.Extensions["code"] = outcome.Problem.Code;
        return problem;
    }
}
