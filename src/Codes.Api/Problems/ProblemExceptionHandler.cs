using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace HealthCode.Api.Problems;

/// <summary>
/// Last line of defence: a request the framework could not read (bad JSON, a body over Kestrel's limit) keeps its
/// 4xx status; anything else is a bug in the service and answers 500 without any detail of it.
/// </summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The caller went away: nobody to answer, nothing wrong with the service.
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested) return true;

        var (status, type, title) = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                (StatusCodes.Status413PayloadTooLarge, ProblemTypes.PayloadTooLarge, "The body is too large."),
            BadHttpRequestException bad when bad.StatusCode is >= 400 and < 500 =>
                (bad.StatusCode, bad.StatusCode == 400 ? ProblemTypes.Malformed : ProblemTypes.ForStatus(bad.StatusCode), "The request could not be read."),
            _ => (StatusCodes.Status500InternalServerError, ProblemTypes.Internal, "An internal error occurred."),
        };
        if (status == StatusCodes.Status500InternalServerError) LogUnhandled(exception, httpContext.Request.Method, httpContext.Request.Path);

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Type = type, Title = title, Detail = DetailOf(exception) },
        });
    }

    // Where the JSON broke, never the text around it (it may be a person's data).
    private static string? DetailOf(Exception exception) =>
        exception is BadHttpRequestException { InnerException: System.Text.Json.JsonException json }
            ? $"The body is not valid JSON for this request (at {json.Path ?? "$"}, line {json.LineNumber}, byte {json.BytePositionInLine})."
            : null;

    // Path only, never the query or body: either may carry a scanned code or a person's data.
    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private partial void LogUnhandled(Exception exception, string method, string path);
}
