using HealthCode.Api.Auth;
using HealthCode.Api.Benchmark;
using HealthCode.Api.DryRun;
using HealthCode.Api.Endpoints;
using HealthCode.Api.OpenApi;
using HealthCode.Api.RateLimiting;
using HealthCode.Api.Telemetry;
using HealthCode.Verifier.Regional;

namespace HealthCode.Api.Composition;

/// <summary>The composition root: what Program registers and maps, in order.</summary>
public static class HealthCodeApp
{
    public static WebApplicationBuilder AddHealthCode(this WebApplicationBuilder builder, StartupLogGate gate)
    {
        gate.AddTo(builder.Logging);
        // Native payloads are at most 64 KiB; Kestrel refuses larger bodies before any endpoint reads them.
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = RawBody.MaxBytes);

        var mode = RunningMode.Resolve(builder.Configuration, builder.Environment);
        builder.Services
            .AddHealthCodeJson()
            .AddHealthCodeProblems()
            .AddHealthCodeCore(builder.Configuration)
            .AddStatusInfrastructure(mode)
            .AddRegionalFeedback()
            .AddApiKeyAuth()
            .AddApiKeyRateLimiting()
            .AddHealthCodeOpenApi()
            .AddDryRun()
            .AddHealthCodeTelemetry(builder.Configuration)
            .AddHostedService<StartupReport>();
        return builder;
    }

    public static WebApplication UseHealthCode(this WebApplication app)
    {
        app.UseHealthCodeRequestLog();
        app.UseHealthCodePipeline();
        app.MapHealthCodeEndpoints();
        app.MapHealthCodeMetrics();
        app.MapApiDocs();
        app.MapPlayground();
        app.MapBenchmarkEndpoints();
        return app;
    }
}
