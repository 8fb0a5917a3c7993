using HealthCode.Api.Contracts;
using HealthCode.Api.Problems;
using HealthCode.Translator.Canonical;
using HealthCode.Translator.Profiles;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HealthCode.Api.Endpoints;

public static class RegionEndpoints
{
    public static IEndpointRouteBuilder MapRegionEndpoints(this IEndpointRouteBuilder app)
    {
        var regions = app.MapGroup("/regions").WithTags("Regions");
        regions.MapGet("/", List)
            .WithName("ListRegions").WithSummary("All loaded region profiles: name, format, code pattern, labels and levels.");
        regions.MapGet("/{region}", Get)
            .WithName("GetRegion").WithSummary("One region profile.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static Ok<RegionInfo[]> List(IRegionCatalog catalog) =>
        TypedResults.Ok(catalog.All.Select(Describe).ToArray());

    public static Results<Ok<RegionInfo>, ProblemHttpResult> Get(string region, IRegionCatalog catalog) =>
        catalog.Find(region) is { } profile ? TypedResults.Ok(Describe(profile)) : Problem.UnknownRegion(region);

    private static RegionInfo Describe(RegionProfile profile)
    {
        // The profile's own vocabulary: looking its id up again could meet a newer profile swapped in by a reload.
        var vocabulary = profile.Vocabulary;
        var levels = vocabulary.Entries.Values.ToDictionary(
            e => e.NativeLevel,
            e => new RegionLevel(
                e.Level?.ToWire(),
                e.WorstCase.ToWire(),
                e.SubStatus,
                e.Details.Count == 0 ? null : e.Details.ToDictionary(d => d.Key, d => d.Value.ToWire(), StringComparer.Ordinal)),
            StringComparer.Ordinal);
        return new RegionInfo(profile.Id, profile.Name, profile.Format.ToWire(), profile.CodePattern, profile.MaxStatusAge, profile.TimeZone, profile.Labels, levels,
            profile.Version, profile.Hash);
    }
}
