using HealthCode.Translator.Normalization;
using HealthCode.Verifier.Ingestion;
using HealthCode.Verifier.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthCode.Verifier.Regional.Snapshots;

/// <summary>
/// Runs one received snapshot. Each line becomes an event and goes through the same <see cref="IngestionPipeline"/> as
/// one from the broker (same signature, normalization and sequence rules; it skips only the broker), a bounded number
/// at a time; a line that fails is counted, lands in the rejections feed, and the run goes on. Then the diff: the
/// region's codes the hub holds that no line mentioned, revoked through the pipeline when prune was asked. Counters
/// reach the record every <see cref="RegionalOptions.SnapshotProgressInterval"/>; the region's lock is renewed while it runs.
/// </summary>
public sealed partial class SnapshotRun(
    SnapshotRequest request,
    IngestionPipeline pipeline,
    OutcomeRecorder recorder,
    IRegionalLedger ledger,
    ISnapshotStore store,
    INormalizer normalizer,
    IOptions<RegionalOptions> options,
    TimeProvider time,
    ILogger<SnapshotRun> logger)
{
    public const string Channel = "snapshot";
    private readonly RegionalOptions _options = options.Value;
    private readonly SnapshotCounters _counters = new();
    private string? _error;

    public async Task RunAsync(CancellationToken stopping)
    {
        await using var body = request.Body;
        using var run = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        using var keeper = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var keeping = KeepAsync(run, keeper.Token);
        string? pruneSkipped = null;
        try
        {
            await Parallel.ForEachAsync(NdjsonReader.ReadAsync(body, _options.SnapshotMaxLineBytes, run.Token),
                new ParallelOptions { MaxDegreeOfParallelism = _options.SnapshotConcurrency, CancellationToken = run.Token },
                async (line, token) => await LineAsync(line, run, token));
            run.Token.ThrowIfCancellationRequested();
            if (request.Prune) pruneSkipped = _counters.Lines == 0 ? SnapshotErrors.EmptySnapshot : _counters.Unreadable > 0 ? SnapshotErrors.UnreadableLines : null;
            await DiffAsync(prune: request.Prune && pruneSkipped is null, run.Token);
        }
        catch (OperationCanceledException) when (run.IsCancellationRequested)
        {
            Fail(SnapshotErrors.Interrupted);
        }
        catch (StoreUnavailableException)
        {
            Fail(SnapshotErrors.StoreUnavailable);
        }
        catch (Exception e)
        {
            LogFault(e, request.Region.Id, request.Id);
            Fail(SnapshotErrors.Internal);
        }
        await keeper.CancelAsync();
        await keeping;
        await FinishAsync(pruneSkipped);
    }

    private async Task LineAsync(NdjsonLine line, CancellationTokenSource run, CancellationToken ct)
    {
        _counters.Line();
        var at = new SnapshotLine(request.Id, line.Number);
        var content = line.TooLong
            ? SnapshotLineContent.Refused($"the line is longer than {_options.SnapshotMaxLineBytes} bytes")
            : SnapshotLineParser.Parse(line.Bytes);
        if (content.Malformed)
        {
            _counters.Rejected();
            _counters.CodeUnreadable();
            await recorder.RecordMalformedLineAsync(request.Region.Id, at, $"line {line.Number}: {content.Error}",
                content.Field is null ? [] : [content.Field], ct);
            return;
        }

        var contentType = content.ContentType ?? MediaTypes.ForFormat(request.Region.Format);
        var e = new InboundStatusEvent(request.Region.Id, request.Region.Id, content.Sequence, Kind: null, contentType, content.Payload,
            MessageId: null, Timestamp: request.StartedAt, content.Signature, content.KeyId, Channel)
        { Snapshot = at };
        var outcome = await pipeline.ConsumeAsync(e, ct);
        if (outcome.HandBack)
        {
            Fail(SnapshotErrors.StoreUnavailable);
            await run.CancelAsync();
            return;
        }
        switch (outcome.Result.Status)
        {
            case ConsumeStatus.Applied: _counters.Applied(); break;
            case ConsumeStatus.Duplicate: _counters.Current(); break;
            case ConsumeStatus.Superseded: _counters.HubAhead(); break;
            default:
                _counters.Rejected();
                await MarkMentionedAsync(content.Payload, contentType, ct);
                break;
        }
    }

    // A refused line still names its code when it can be read: prune must never revoke a code the region listed.
    private async Task MarkMentionedAsync(byte[] payload, string contentType, CancellationToken ct)
    {
        var read = normalizer.ReadCodeValue(request.Region, payload, contentType);
        if (read.Failure == FailureKind.None && !string.IsNullOrEmpty(read.Code) && request.Region.MatchesCode(read.Code))
            await ledger.MarkSeenAsync(request.Region.Id, request.Id, read.Code, ct);
        else _counters.CodeUnreadable();
    }

    private async Task DiffAsync(bool prune, CancellationToken ct)
    {
        UnlistedPage page;
        var cursor = "0";
        do
        {
            page = await ledger.FindUnlistedAsync(request.Region.Id, request.Id, cursor, time.GetUtcNow(), ct);
            _counters.Missing(page.Codes.Count);
            if (prune)
            {
                foreach (var code in page.Codes)
                {
                    var outcome = await pipeline.RevokeUnlistedAsync(request.Region, code, request.StartedAt, ct);
                    if (outcome.HandBack) throw new StoreUnavailableException("The store stayed unavailable while pruning.");
                    if (outcome.Result.Status == ConsumeStatus.Applied) _counters.Revoked();
                }
            }
            cursor = page.Cursor;
        }
        while (!page.Done);
    }

    // Writes progress and renews the lease until told to stop; a lost lease stops the run (another may hold the region).
    private async Task KeepAsync(CancellationTokenSource run, CancellationToken stop)
    {
        var renewed = time.GetTimestamp();
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_options.SnapshotProgressInterval, time, stop);
                await store.SaveAsync(_counters.Status(request, SnapshotState.Running), stop);
                if (time.GetElapsedTime(renewed) < _options.SnapshotLease / 3) continue;
                if (!await store.RenewAsync(request.Region.Id, request.Id, _options.SnapshotLease, stop))
                {
                    Fail(SnapshotErrors.Interrupted);
                    await run.CancelAsync();
                    return;
                }
                renewed = time.GetTimestamp();
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (StoreUnavailableException e)
            {
                // Progress is best effort; the lines' own writes fail the run if the store is really gone.
                LogProgressFailed(e, request.Region.Id, request.Id);
            }
        }
    }

    private void Fail(string error) => Interlocked.CompareExchange(ref _error, error, null);

    private async Task FinishAsync(string? pruneSkipped)
    {
        var final = _counters.Status(request, _error is null ? SnapshotState.Done : SnapshotState.Failed, time.GetUtcNow(), _error, pruneSkipped);
        try
        {
            await store.SaveAsync(final, CancellationToken.None);
            await ledger.DropSeenAsync(request.Region.Id, request.Id, CancellationToken.None);
        }
        catch (StoreUnavailableException e)
        {
            // The record then shows running without a lock: read as failed (interrupted). The seen-set expires.
            LogProgressFailed(e, request.Region.Id, request.Id);
        }
        finally
        {
            try { await store.UnlockAsync(request.Region.Id, request.Id, CancellationToken.None); }
            catch (StoreUnavailableException) { /* the lease runs out on its own */ }
        }
        LogFinished(request.Region.Id, request.Id, final.State, final.Lines, final.Applied, final.Current, final.HubAhead, final.Rejected,
            final.MissingFromSnapshot, final.Revoked, final.Error);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Snapshot {SnapshotId} of region {Region} {State}: {Lines} lines, {Applied} applied, {Current} current, {HubAhead} hub ahead, {Rejected} rejected, {Missing} missing, {Revoked} revoked ({Error})")]
    private partial void LogFinished(string region, string snapshotId, SnapshotState state, long lines, long applied, long current, long hubAhead,
        long rejected, long missing, long revoked, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Snapshot {SnapshotId} of region {Region} failed")]
    private partial void LogFault(Exception e, string region, string snapshotId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write the progress of snapshot {SnapshotId} of region {Region}")]
    private partial void LogProgressFailed(Exception e, string region, string snapshotId);
}
