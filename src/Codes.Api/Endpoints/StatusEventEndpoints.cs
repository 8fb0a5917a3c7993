using HealthCode.Api.Auth;
using HealthCode.Api.Contracts;
using HealthCode.Api.Problems;
using HealthCode.Api.Regional;
using HealthCode.Translator.Normalization;
using HealthCode.Translator.Profiles;
using HealthCode.Verifier.Ingestion;
using HealthCode.Verifier.Regional;
using HealthCode.Verifier.Transport;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace HealthCode.Api.Endpoints;

public static class StatusEventEndpoints
{
    public const string Channel = "http";

    public static IEndpointRouteBuilder MapStatusEventEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/regions/{region}/status-events", Publish)
            .RequireAuthorization(Policies.RegionPublisher)
            .WithTags("Status events")
            .WithName("PublishStatusEvent")
            .WithSummary("Publish a region's native status payload to the status bus (role publisher:<region> or admin).")
            .WithDescription("202 once the bus has durably accepted the event, with Location: the event's outcome " +
                             "(pending until the consumer decides). The consumer normalizes and applies it asynchronously, " +
                             "by sequence: a duplicate or older sequence is a no-op. Headers: X-HC-Sequence (int64 > 0, required), " +
                             "X-HC-Kind (status | revoke), X-HC-Signature (base64 ECDSA P-256 of the body), X-HC-Key-Id, " +
                             "X-HC-Message-Id (optional; a GUID is made otherwise). ?wait=<0-10 s>: 200 with the outcome once decided.")
            .Accepts<string>(false, MediaTypes.Json, MediaTypes.Xml, MediaTypes.TextXml)
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    public static async Task<Results<Ok<EventOutcome>, Accepted<StatusEventAccepted>, ProblemHttpResult>> Publish(
        string region,
        [FromHeader(Name = StatusEventHeaders.Sequence)] string? sequence,
        [FromHeader(Name = StatusEventHeaders.Kind)] string? kind,
        [FromHeader(Name = StatusEventHeaders.Signature)] string? signature,
        [FromHeader(Name = StatusEventHeaders.KeyId)] string? keyId,
        [FromHeader(Name = RegionalRoutes.MessageIdHeader)] string? messageIdHeader,
        [FromQuery] string? wait,
        HttpRequest request,
        IRegionCatalog regions,
        [FromServices] IStatusEventPublisher publisher,
        [FromServices] IRegionalLedger ledger,
        TimeProvider time,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (regions.Find(region) is not { } profile) return Problem.UnknownRegion(region);
        // The consumer would refuse it anyway; saying so now spares the publisher a trip to the error queue.
        if (!MediaTypes.Accepts(profile.Format, request.ContentType))
            return Problem.Of(StatusCodes.Status415UnsupportedMediaType, ProblemTypes.UnsupportedMediaType,
                "The content type does not match the region's payload format.", $"Region {region} sends {MediaTypes.ForFormat(profile.Format)}.");
        if (!EventSequence.TryParse(sequence, out var number))
            return Problem.BadRequest(StatusEventHeaders.Sequence, $"{StatusEventHeaders.Sequence} must be an int64 greater than zero.");
        if (!EventKinds.TryParse(kind, out _))
            return Problem.BadRequest(StatusEventHeaders.Kind, $"{StatusEventHeaders.Kind} must be {EventKinds.Words}.");
        if (RegionalPublishing.ReadOptions(messageIdHeader, wait, out var messageId, out var waitFor) is { } badOption) return badOption;
        var body = await RawBody.ReadAsync(request, cancellationToken);
        if (body is null) return Problem.TooLarge(RawBody.MaxBytes);

        var statusEvent = new InboundStatusEvent(region, region, number.ToString(), NullIfEmpty(kind),
            request.ContentType, body, messageId, time.GetUtcNow(), NullIfEmpty(signature), NullIfEmpty(keyId), Channel);
        return await RegionalPublishing.PublishAsync(statusEvent, number, waitFor, ledger, publisher, time,
            loggers.CreateLogger(typeof(StatusEventEndpoints).FullName!), cancellationToken);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
