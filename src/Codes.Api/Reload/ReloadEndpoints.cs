using HealthCode.Api.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HealthCode.Api.Reload;

/// <summary>POST /v1/admin/reload (role admin): reloads the profiles and policies now, as a file change would.</summary>
public static class ReloadEndpoints
{
    public static IEndpointRouteBuilder MapReloadEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/admin/reload", Reload)
            .RequireAuthorization(Policies.Admin)
            .WithTags("Admin")
            .WithName("ReloadCatalogs")
            .WithSummary("Reload the region profiles and policies from their folders without a restart.")
            .WithDescription("Every valid file is swapped in atomically; an invalid file is refused (listed with its file, " +
                             "field and message), its previous version stays active, and readiness reports it as Degraded. " +
                             "200 with the active id, version and hash of every profile and policy and what changed, refused files included.");
        return app;
    }

    public static Ok<ReloadReport> Reload(CatalogReloader reloader) => TypedResults.Ok(reloader.Reload(ReloadTrigger.Admin));
}
