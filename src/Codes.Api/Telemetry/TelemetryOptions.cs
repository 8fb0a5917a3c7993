namespace HealthCode.Api.Telemetry;

/// <summary>
/// HealthCode:Telemetry. Enabled (default true) composes OpenTelemetry: metrics at /metrics, traces (see
/// <see cref="Traces"/>; exported over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set) and the store timings. False leaves all of it out, /metrics included:
/// the switch the verify benchmark compares.
/// </summary>
public sealed record TelemetryOptions
{
    public const string Section = "HealthCode:Telemetry";

    public bool Enabled { get; init; } = true;

    /// <summary>
    /// Whether spans are recorded. Unset: when OTEL_EXPORTER_OTLP_ENDPOINT is set, since spans nobody exports cost every
    /// event and every verify a few per cent of CPU (docs/operations.md). True records them without an exporter (for a
    /// listener of one's own); false never.
    /// </summary>
    public bool? Traces { get; init; }

    /// <summary>Read while composing: whether to compose telemetry at all is decided before the host is built.</summary>
    public static TelemetryOptions From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
}
