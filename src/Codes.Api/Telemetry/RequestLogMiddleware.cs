using System.Diagnostics;

namespace HealthCode.Api.Telemetry;

/// <summary>
/// One log line per request, category <see cref="Category"/>: method, route template (never the path, which could
/// carry anything a client typed), status, duration, the API key's name ("-" without one) and the trace id. Bodies, queries and
/// headers are never logged, so no code value or personal data can reach the line. Health probes and scrapes log at
/// Debug so they do not drown the rest.
/// </summary>
public sealed partial class RequestLogMiddleware(RequestDelegate next, ILoggerFactory loggers, TimeProvider time)
{
    public const string Category = "HealthCode.Api.Requests";
    public const string Unmatched = "(unmatched)";
    public const string Anonymous = "-";

    private readonly ILogger _logger = loggers.CreateLogger(Category);

    public async Task InvokeAsync(HttpContext context)
    {
        if (!_logger.IsEnabled(LogLevel.Information))
        {
            await next(context);
            return;
        }
        var started = time.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            Write(context, time.GetElapsedTime(started));
        }
    }

    private void Write(HttpContext context, TimeSpan elapsed)
    {
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? Unmatched;
        var key = context.User.Identity is { IsAuthenticated: true, Name: { } name } ? name : Anonymous;
        // An aborted request has no status the client saw; 499 is the usual word for it.
        var status = context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted ? 499 : context.Response.StatusCode;
        var quiet = route.StartsWith("/health", StringComparison.Ordinal) || route == TelemetrySetup.MetricsPath;
        // The trace id ties the line to the request's trace without turning on log scopes (whose RequestPath is the raw path).
        var trace = Activity.Current?.TraceId.ToHexString() ?? "";
        Log(quiet ? LogLevel.Debug : LogLevel.Information, context.Request.Method, route, status, elapsed.TotalMilliseconds, key, trace);
    }

    [LoggerMessage(EventId = 1, EventName = "Request", Message = "{Method} {Route} {Status} {DurationMs:0.0} ms key={ApiKey} trace={TraceId}")]
    private partial void Log(LogLevel level, string method, string route, int status, double durationMs, string apiKey, string traceId);
}
