using HealthCode.Api.Auth;
using HealthCode.Api.Contracts;
using HealthCode.Api.Problems;
using HealthCode.Translator.Fhir;
using HealthCode.Translator.Normalization;
using HealthCode.Translator.Profiles;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace HealthCode.Api.Endpoints;

public static class NormalizeEndpoints
{
    public const string FhirFormat = "fhir";
    public const string CanonicalFormat = "canonical";

    public static IEndpointRouteBuilder MapNormalizeEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/regions/{region}/normalize", Normalize)
            .RequireAuthorization(Policies.Integrator)
            .WithTags("Normalize")
            .WithName("Normalize")
            .WithSummary("Normalize a region's native payload to the canonical record (or a FHIR Bundle).")
            .WithDescription("The body is the region's native payload, read raw (application/json, or application/xml / text/xml for XML regions; " +
                             "at most 64 KiB). ?format=fhir or Accept: application/fhir+json returns a FHIR R4 Bundle instead.")
            .Accepts<string>(false, MediaTypes.Json, MediaTypes.Xml, MediaTypes.TextXml)
            .Produces<NormalizeResponse>(StatusCodes.Status200OK, "application/json", FhirJson.MediaType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    public static async Task<Results<Ok<NormalizeResponse>, FileContentHttpResult, ProblemHttpResult>> Normalize(
        string region,
        [FromQuery] string? format,
        HttpRequest request,
        IRegionCatalog regions,
        INormalizer normalizer,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (regions.Find(region) is not { } profile) return Problem.UnknownRegion(region);
        if (format is not (null or "" or CanonicalFormat or FhirFormat))
            return Problem.BadRequest("format", $"format must be '{CanonicalFormat}' or '{FhirFormat}'.");
        var body = await RawBody.ReadAsync(request, cancellationToken);
        if (body is null) return Problem.TooLarge(RawBody.MaxBytes);

        var now = time.GetUtcNow();
        var result = normalizer.Normalize(profile, body, request.ContentType, new NormalizationContext(now, now));
        if (!result.Succeeded) return Failure(result);

        if (format == FhirFormat || (format is null or "" && WantsFhir(request)))
            return TypedResults.Bytes(FhirJson.SerializeToUtf8Bytes(FhirBundleWriter.ToBundle(result.Record!)), FhirJson.MediaType);
        return TypedResults.Ok(new NormalizeResponse(result.Record!, result.Warnings));
    }

    private static bool WantsFhir(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals(FhirJson.MediaType, StringComparison.OrdinalIgnoreCase));

    private static ProblemHttpResult Failure(NormalizationResult result) => result.Failure switch
    {
        FailureKind.UnsupportedMediaType => Problem.Of(StatusCodes.Status415UnsupportedMediaType, ProblemTypes.UnsupportedMediaType,
            "The content type is not the region's format.", result.FailureDetail),
        FailureKind.Malformed => result.Errors.Count > 0
            ? Problem.Invalid(StatusCodes.Status400BadRequest, ProblemTypes.Malformed, "The payload could not be parsed.", ToDictionary(result.Errors), result.FailureDetail)
            : Problem.Of(StatusCodes.Status400BadRequest, ProblemTypes.Malformed, "The payload could not be parsed.", result.FailureDetail),
        _ => Problem.Invalid(StatusCodes.Status422UnprocessableEntity, ProblemTypes.Validation,
            "The payload does not satisfy the region profile.", ToDictionary(result.Errors), result.FailureDetail),
    };

    private static Dictionary<string, string[]> ToDictionary(IReadOnlyDictionary<string, string[]> errors) =>
        errors.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
}
