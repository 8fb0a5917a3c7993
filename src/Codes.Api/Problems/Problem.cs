using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace HealthCode.Api.Problems;

/// <summary>Builds the problem results the endpoints return, so every one carries a stable type and title.</summary>
public static class Problem
{
    public static ProblemHttpResult Of(int status, string type, string title, string? detail = null) =>
        TypedResults.Problem(new ProblemDetails { Status = status, Type = type, Title = title, Detail = detail });

    // ValidationProblem is always 400; a ProblemHttpResult takes its status from the details, so 422 works too.
    public static ProblemHttpResult Invalid(int status, string type, string title, IDictionary<string, string[]> errors, string? detail = null) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors) { Status = status, Type = type, Title = title, Detail = detail });

    public static ProblemHttpResult BadRequest(string field, string message) =>
        Invalid(StatusCodes.Status400BadRequest, ProblemTypes.BadRequest, "The request is invalid.", new Dictionary<string, string[]> { [field] = [message] });

    public static ProblemHttpResult UnknownRegion(string region) =>
        Of(StatusCodes.Status404NotFound, ProblemTypes.UnknownRegion, "Unknown region.", $"No region '{region}' is loaded.");

    public static ProblemHttpResult TooLarge(int limit) =>
        Of(StatusCodes.Status413PayloadTooLarge, ProblemTypes.PayloadTooLarge, "The body is too large.", $"The body may be at most {limit} bytes.");
}
