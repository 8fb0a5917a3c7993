using HealthCode.Api.Auth;
using HealthCode.Api.DryRun;
using HealthCode.Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace HealthCode.Api.Endpoints;

public static class DryRunEndpoints
{
    /// <summary>Routes relative to the /v1 group: the dry run, and the samples and active profiles it starts from.</summary>
    public static IEndpointRouteBuilder MapDryRunEndpoints(this IEndpointRouteBuilder v1)
    {
        v1.MapPost("/profiles/dry-run", DryRun)
            .RequireAuthorization(Policies.Integrator)
            // Raised for this endpoint only: everywhere else Kestrel refuses a body over 64 KiB.
            .WithMetadata(new RequestSizeLimitAttribute(DryRunLimits.MaxBodyBytes))
            .WithTags("Profiles")
            .WithName("DryRunProfile")
            .WithSummary("Run samples through a region's active profile or a draft profile; nothing is stored or published.")
            .WithDescription("Give region (a loaded region) or profile (a draft). Each sample: name, contentType, body (the native payload " +
                             "as a string), optional expected (canonical field → value), checkpoint {region, scene} and at (default now) " +
                             "to see what verify would decide with the record as the only status, fhir. At most 1 MiB and 200 samples. " +
                             "A draft that does not compile answers 200 with profileErrors naming its fields.")
            .Accepts<DryRunRequest>("application/json")
            .Produces<DryRunResponse>()
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        var regions = v1.MapGroup("/regions").RequireAuthorization(Policies.AnyRole).WithTags("Regions");
        regions.MapGet("/{region}/samples", Samples)
            .WithName("RegionSamples")
            .WithSummary("The region's shipped sample payloads (status time set to now), ready for a dry run.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        regions.MapGet("/{region}/profile", ActiveProfile)
            .WithName("RegionProfile")
            .WithSummary("The region's active profile as JSON: a starting point for a draft.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return v1;
    }

    public static async Task<Results<Ok<DryRunResponse>, ProblemHttpResult>> DryRun(
        HttpRequest request, DryRunRequestReader reader, DryRunRunner runner, CancellationToken cancellationToken)
    {
        var (body, problem) = await reader.ReadAsync(request, cancellationToken);
        if (problem is not null) return problem;
        return TypedResults.Ok(await runner.RunAsync(body!, cancellationToken));
    }

    public static Results<Ok<IReadOnlyList<RegionSample>>, ProblemHttpResult> Samples(string region, SampleLibrary library) =>
        library.For(region) is { } samples ? TypedResults.Ok(samples) : Problem.UnknownRegion(region);

    public static Results<Ok<System.Text.Json.Nodes.JsonNode>, ProblemHttpResult> ActiveProfile(string region, DryRunEngine engine) =>
        engine.ActiveProfile(region) is { } profile ? TypedResults.Ok(profile) : Problem.UnknownRegion(region);
}
