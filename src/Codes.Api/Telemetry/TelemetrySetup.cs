using HealthCode.Verifier.Store;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace HealthCode.Api.Telemetry;

/// <summary>
/// OpenTelemetry for the service (<see cref="TelemetryOptions"/>): metrics from our meters, ASP.NET Core and the runtime,
/// scraped as Prometheus text at /metrics; traces of HTTP, Redis and the AMQP hop, recorded when they are exported
/// (<see cref="TelemetryOptions.Traces"/>); OTLP export of both (and of logs) when the standard
/// OTEL_EXPORTER_OTLP_ENDPOINT is set, none otherwise. Plus the request log.
/// </summary>
public static class TelemetrySetup
{
    public const string MetricsPath = "/metrics";
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ServiceNameKey = "OTEL_SERVICE_NAME";

    public static IServiceCollection AddHealthCodeTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section).ValidateOnStart();
        // The verify endpoint always records; without a listener its instruments cost next to nothing.
        services.AddSingleton<VerifyMetrics>();
        if (!TelemetryOptions.From(configuration).Enabled) return services;

        services.AddSingleton<StoreMetrics>();
        DecorateStatusStore(services);
        var exported = NullIfBlank(configuration[OtlpEndpointKey]) is not null;
        var otel = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(NullIfBlank(configuration[ServiceNameKey]) ?? TelemetryNames.ServiceName))
            .WithMetrics(metrics => metrics
                .AddMeter(TelemetryNames.Meters)
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter());
        // No tracer at all unless spans go somewhere: without a listener no span is even created, and the Redis
        // instrumentation does not profile every command.
        if (TelemetryOptions.From(configuration).Traces ?? exported)
        {
            otel.WithTracing(tracing => tracing
                .AddSource(TelemetryNames.Sources)
                .AddAspNetCoreInstrumentation(o => o.Filter = context => IsTraced(context.Request.Path))
                .AddRedisInstrumentation());
        }
        if (exported) otel.UseOtlpExporter();
        return services;
    }

    /// <summary>First in the pipeline, so the line sees the final status (after the exception handler) and the key's name.</summary>
    public static WebApplication UseHealthCodeRequestLog(this WebApplication app)
    {
        app.UseMiddleware<RequestLogMiddleware>();
        return app;
    }

    /// <summary>/metrics: anonymous, never rate limited (a scraper has no key), and only when telemetry is on.</summary>
    public static WebApplication MapHealthCodeMetrics(this WebApplication app)
    {
        if (!TelemetryOptions.From(app.Configuration).Enabled) return app;
        app.MapPrometheusScrapingEndpoint(MetricsPath).AllowAnonymous().DisableRateLimiting().ExcludeFromDescription();
        return app;
    }

    // Probes and scrapes every few seconds would bury the traces worth reading.
    private static bool IsTraced(PathString path) =>
        !path.StartsWithSegments(MetricsPath) && !path.StartsWithSegments("/health");

    // Whatever the mode composed (Redis or in-memory), wrapped once; a store replaced later (tests) is left as it is.
    private static void DecorateStatusStore(IServiceCollection services)
    {
        var composed = services.LastOrDefault(d => d.ServiceType == typeof(IStatusStore))
            ?? throw new InvalidOperationException($"{nameof(AddHealthCodeTelemetry)} must follow the status store's registration.");
        services.Remove(composed);
        services.AddSingleton<IStatusStore>(sp => new InstrumentedStatusStore(
            Create(sp, composed), sp.GetRequiredService<StoreMetrics>(), sp.GetRequiredService<TimeProvider>()));
    }

    private static IStatusStore Create(IServiceProvider sp, ServiceDescriptor descriptor) => (IStatusStore)(
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(sp)
        ?? ActivatorUtilities.CreateInstance(sp, descriptor.ImplementationType!));

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
