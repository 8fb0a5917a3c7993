using System.Globalization;
using HealthCode.Api.Contracts;
using HealthCode.Api.Problems;
using HealthCode.Verifier.Ingestion;
using HealthCode.Verifier.Regional;
using HealthCode.Verifier.Store;
using HealthCode.Verifier.Transport;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HealthCode.Api.Regional;

/// <summary>
/// How an event published over HTTP (a status event or a heartbeat) reaches the broker: "pending" is recorded first,
/// so the Location answered with 202 works at once; then the broker must confirm (else 503, and the pending record is
/// dropped); then, with ?wait, the outcome is awaited and answered with 200 once decided (still 202 if not in time).
/// The event then reaches the store through the same consumer as one published over AMQP.
/// </summary>
public static partial class RegionalPublishing
{
    public static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The publisher's X-HC-Message-Id (or a new GUID) and ?wait, or the problem with either.</summary>
    public static ProblemHttpResult? ReadOptions(string? messageIdHeader, string? waitText, out string messageId, out TimeSpan wait)
    {
        messageId = string.IsNullOrEmpty(messageIdHeader) ? Guid.NewGuid().ToString("N") : messageIdHeader;
        wait = TimeSpan.Zero;
        if (!RegionalRoutes.MessageIdPattern().IsMatch(messageId))
            return Problem.BadRequest(RegionalRoutes.MessageIdHeader, $"{RegionalRoutes.MessageIdHeader} must be 1-128 of A-Z a-z 0-9 . _ : -.");
        if (string.IsNullOrEmpty(waitText)) return null;
        if (!int.TryParse(waitText, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > RegionalOptions.MaxWait.TotalSeconds)
            return Problem.BadRequest("wait", $"wait must be whole seconds from 0 to {RegionalOptions.MaxWait.TotalSeconds:0}.");
        wait = TimeSpan.FromSeconds(seconds);
        return null;
    }

    public static async Task<Results<Ok<EventOutcome>, Accepted<StatusEventAccepted>, ProblemHttpResult>> PublishAsync(
        InboundStatusEvent statusEvent, EventSequence sequence, TimeSpan wait, IRegionalLedger ledger, IStatusEventPublisher publisher,
        TimeProvider time, ILogger logger, CancellationToken ct)
    {
        var region = statusEvent.RoutingRegion;
        var messageId = statusEvent.MessageId!;
        try
        {
            await ledger.RecordPendingAsync(region, messageId, sequence.Value, time.GetUtcNow(), ct);
        }
        catch (StoreUnavailableException e)
        {
            // Without the pending record the Location would not work: refuse now, the publisher retries (same sequence).
            LogPendingFailed(logger, e, region, messageId);
            return Problem.Of(StatusCodes.Status503ServiceUnavailable, ProblemTypes.StoreUnavailable,
                "The store did not accept the event.", "Retry later with the same sequence.");
        }
        try
        {
            await publisher.PublishAsync(statusEvent, ct).WaitAsync(PublishTimeout, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            LogPublishFailed(logger, e, region, messageId);
            await ForgetAsync(ledger, region, messageId, logger);
            return Problem.Of(StatusCodes.Status503ServiceUnavailable, ProblemTypes.BusUnavailable,
                "The status bus did not accept the event.", "Retry later with the same sequence.");
        }

        var location = RegionalRoutes.Outcome(region, messageId);
        if (wait > TimeSpan.Zero && await OutcomeWaiter.WaitAsync(ledger, region, messageId, wait, time, ct) is { } decided)
            return TypedResults.Ok(decided);
        return TypedResults.Accepted(location, new StatusEventAccepted(messageId));
    }

    // Best effort: a stale "pending" only misleads until it expires; the publisher was told 503 either way.
    private static async Task ForgetAsync(IRegionalLedger ledger, string region, string messageId, ILogger logger)
    {
        try
        {
            await ledger.ForgetPendingAsync(region, messageId, CancellationToken.None);
        }
        catch (StoreUnavailableException e)
        {
            LogPendingFailed(logger, e, region, messageId);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Status event {MessageId} for region {Region} was not accepted by the bus")]
    private static partial void LogPublishFailed(ILogger logger, Exception e, string region, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The pending record of status event {MessageId} for region {Region} could not be written or dropped")]
    private static partial void LogPendingFailed(ILogger logger, Exception e, string region, string messageId);
}
