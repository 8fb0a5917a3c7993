using HealthCode.Api.Auth;
using HealthCode.Api.Endpoints;
using HealthCode.Api.Health;
using HealthCode.Api.Problems;
using HealthCode.Api.Regional;
using HealthCode.Api.Reload;

namespace HealthCode.Api.Composition;

public static class PipelineSetup
{
    /// <summary>Problem details for every error: exceptions, bare status codes, and framework read failures.</summary>
    public static IServiceCollection AddHealthCodeProblems(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            // The framework fills in RFC 9110 section links for bare status codes; clients match on our stable types instead.
            if (c.ProblemDetails.Type is null || c.ProblemDetails.Type.StartsWith("https://tools.ietf.org/", StringComparison.Ordinal))
                c.ProblemDetails.Type = ProblemTypes.ForStatus(c.ProblemDetails.Status ?? c.HttpContext.Response.StatusCode);
            c.ProblemDetails.Extensions.TryAdd("traceId", c.HttpContext.TraceIdentifier);
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
        // Always throw on unreadable input, so it reaches the exception handler and becomes a typed problem.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }

    public static WebApplication UseHealthCodePipeline(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapHealthCodeEndpoints(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapHealthEndpoints();
        // Every v1 operation needs a key; each endpoint adds the role it needs on top.
        var v1 = app.MapGroup("/v1").RequireAuthorization(Policies.AnyRole).ProducesAuthProblems();
        v1.MapRegionEndpoints();
        v1.MapNormalizeEndpoints();
        v1.MapTranslateEndpoints();
        v1.MapVerifyEndpoints();
        v1.MapStatusEventEndpoints();
        v1.MapDryRunEndpoints();
        v1.MapReloadEndpoints();
        v1.MapRegionalEndpoints();
        return app;
    }
}
