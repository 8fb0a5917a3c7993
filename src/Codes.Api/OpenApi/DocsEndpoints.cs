using HealthCode.Api.Auth;
using HealthCode.Api.Composition;
using HealthCode.Api.DryRun;
using HealthCode.Api.Telemetry;
using Scalar.AspNetCore;

namespace HealthCode.Api.OpenApi;

/// <summary>
/// What a new user finds: GET / (a small page linking everything else) and the Scalar API browser at /docs over
/// /openapi/v1.json. Both anonymous and never rate limited, like the document itself.
/// </summary>
public static class DocsEndpoints
{
    public const string DocsPath = "/docs";
    public const string DocumentPath = "/openapi/v1.json";

    public static WebApplication MapApiDocs(this WebApplication app)
    {
        var metrics = TelemetryOptions.From(app.Configuration).Enabled;
        app.MapGet("/", (HttpResponse response) =>
            {
                // Static text and links: nothing to run, nothing to load from elsewhere.
                response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
                response.Headers.XContentTypeOptions = "nosniff";
                return TypedResults.Content(LandingPage.Html(metrics), "text/html; charset=utf-8");
            })
            .AllowAnonymous().DisableRateLimiting().ExcludeFromDescription();
        app.MapScalarApiReference(DocsPath, (options, context) =>
            {
                options.WithTitle("HealthCode API")
                    .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                    .AddPreferredSecuritySchemes(OpenApiSetup.SchemeId)
                    // Nothing leaves for a CDN or a vendor: the browser loads the bundle this package serves.
                    .DisableDefaultFonts()
                    .DisableTelemetry()
                    .DisableAgent()
                    .DisableMcp();
                // Development's all-roles key (only when no keys are configured) is filled in, so "Send" just works.
                if (context.RequestServices.GetRequiredService<ApiKeyRegistry>().UsesDevelopmentKey)
                    options.AddApiKeyAuthentication(OpenApiSetup.SchemeId, k => k.Value = ApiKeyRegistry.DevelopmentKey);
            })
            .AllowAnonymous().DisableRateLimiting();
        return app;
    }

    /// <summary>The links of the landing page (Prometheus only when telemetry is on).</summary>
    public static IReadOnlyList<(string Path, string What)> Links(bool metrics) =>
    [
        (DocsPath, "API reference (Scalar): every operation with examples, try it with your X-Api-Key"),
        (PlaygroundSetup.Path + "/", "Playground: normalize, translate and dry-run profiles in the browser"),
        (DocumentPath, "OpenAPI 3.1 document"),
        ("/health/ready", "Readiness: each dependency with its status"),
        ("/health/live", "Liveness"),
        .. metrics ? [(TelemetrySetup.MetricsPath, "Prometheus metrics")] : Array.Empty<(string, string)>(),
    ];
}
