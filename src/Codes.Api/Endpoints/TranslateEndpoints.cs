using HealthCode.Api.Contracts;
using HealthCode.Api.Problems;
using HealthCode.Translator.Canonical;
using HealthCode.Translator.Translation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HealthCode.Api.Endpoints;

public static class TranslateEndpoints
{
    public static IEndpointRouteBuilder MapTranslateEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/translate", Translate)
            .WithTags("Translate")
            .WithName("Translate")
            .WithSummary("Translate a native risk level of one region into the canonical level and another region's vocabulary.")
            .WithDescription("Never less restrictive: an ambiguous source value takes its most restrictive reading, and exact is false.")
            .ProducesValidationProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    // Parameters are optional in the signature so that a missing one is a 400 naming it, like a wrong one.
    public static Results<Ok<TranslateResponse>, ProblemHttpResult> Translate(
        RiskTranslator translator, string? from = null, string? to = null, string? level = null, string? subStatus = null)
    {
        var missing = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (name, value) in new[] { ("from", from), ("to", to), ("level", level) })
        {
            if (string.IsNullOrEmpty(value)) missing[name] = [$"{name} is required."];
        }
        if (missing.Count > 0) return Problem.Invalid(StatusCodes.Status400BadRequest, ProblemTypes.BadRequest, "The request is invalid.", missing);

        try
        {
            var result = translator.Translate(from!, to!, level!, subStatus);
            return TypedResults.Ok(new TranslateResponse(
                result.Level.ToWire(), new TranslateTarget(result.Target.Region, result.Target.Label, result.Target.NativeLevel), result.Exact));
        }
        catch (TranslationException e)
        {
            return Problem.BadRequest(e.ParamName ?? "level", StripParamSuffix(e));
        }
    }

    // ArgumentException appends " (Parameter 'x')" to Message; the errors key already names the parameter.
    private static string StripParamSuffix(ArgumentException e)
    {
        var suffix = $" (Parameter '{e.ParamName}')";
        return e.Message.EndsWith(suffix, StringComparison.Ordinal) ? e.Message[..^suffix.Length] : e.Message;
    }
}
