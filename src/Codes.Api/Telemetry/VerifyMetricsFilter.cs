using HealthCode.Verifier.Verification;

namespace HealthCode.Api.Telemetry;

/// <summary>Times POST /v1/verify and records its decision (<see cref="VerifyMetrics"/>); a refused request counts as refused.</summary>
public sealed class VerifyMetricsFilter(VerifyMetrics metrics, TimeProvider time) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var started = time.GetTimestamp();
        var result = await next(context);
        var elapsed = time.GetElapsedTime(started);
        if (Unwrap(result) is IValueHttpResult<VerifyResponse> { Value: { } response }) metrics.RecordDecision(response, elapsed);
        else metrics.RecordRefused(elapsed);
        return result;
    }

    // The endpoint answers Results<Ok<VerifyResponse>, ProblemHttpResult>: the value sits one level down.
    private static object? Unwrap(object? result) => result is INestedHttpResult nested ? nested.Result : result;
}
