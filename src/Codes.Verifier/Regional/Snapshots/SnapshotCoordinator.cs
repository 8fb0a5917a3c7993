using System.Threading.Channels;
using HealthCode.Translator.Profiles;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthCode.Verifier.Regional.Snapshots;

/// <summary>
/// Receives snapshots (HTTP body or AMQP message) and hands them to <see cref="SnapshotWorker"/>: takes the region's
/// lock (one snapshot per region at a time), spools the body to a temporary file as it arrives (bounded memory
/// whatever its size; the request ends as soon as the upload does, never held open for the processing), writes the
/// running record and queues the run. Reads records, reporting a "running" one whose lock is gone as failed.
/// </summary>
public sealed partial class SnapshotCoordinator(ISnapshotStore store, IOptions<RegionalOptions> options, TimeProvider time,
    ILogger<SnapshotCoordinator> logger)
{
    private const int CopyBufferBytes = 64 * 1024;
    private readonly RegionalOptions _options = options.Value;
    private readonly Channel<SnapshotRequest> _queue = Channel.CreateUnbounded<SnapshotRequest>(new UnboundedChannelOptions { SingleReader = true });

    internal ChannelReader<SnapshotRequest> Requests => _queue.Reader;

    /// <param name="snapshotId">Null: a new id. Given (AMQP): a redelivery of a known id starts nothing.</param>
    public async Task<SnapshotStart> StartAsync(RegionProfile region, Stream body, long? declaredLength, bool prune, string? snapshotId,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(body);
        if (declaredLength > _options.SnapshotMaxBytes) return new SnapshotStart(SnapshotStartResult.TooLarge);
        var id = snapshotId ?? Guid.NewGuid().ToString("N");
        if (snapshotId is not null && (await store.GetAsync(region.Id, id, ct)).Status is { } known) return new SnapshotStart(SnapshotStartResult.Exists, known);
        if (!await store.TryLockAsync(region.Id, id, _options.SnapshotLease, ct)) return new SnapshotStart(SnapshotStartResult.Busy);

        Stream? spool = null;
        try
        {
            spool = OpenSpool();
            if (!await CopyWithinLimitAsync(region.Id, id, body, spool, ct))
            {
                await ReleaseAsync(region.Id, id, spool);
                return new SnapshotStart(SnapshotStartResult.TooLarge);
            }
            var status = SnapshotStatus.Started(id, region.Id, prune, time.GetUtcNow());
            await store.SaveAsync(status, ct);
            await _queue.Writer.WriteAsync(new SnapshotRequest(region, id, prune, status.StartedAt, spool), ct);
            LogReceived(region.Id, id, spool.Length, prune);
            return new SnapshotStart(SnapshotStartResult.Started, status);
        }
        catch
        {
            // The upload broke off, the disk or the store failed: free the region for the next attempt.
            await ReleaseAsync(region.Id, id, spool);
            throw;
        }
    }

    /// <summary>The record, or null for an unknown id (or another region's: the key is the region's).</summary>
    public async Task<SnapshotStatus?> GetAsync(string region, string snapshotId, CancellationToken ct)
    {
        var (status, holdsLock) = await store.GetAsync(region, snapshotId, ct);
        return status is { State: SnapshotState.Running } && !holdsLock
            ? status with { State = SnapshotState.Failed, Error = SnapshotErrors.Interrupted }
            : status;
    }

    private Stream OpenSpool()
    {
        var folder = string.IsNullOrEmpty(_options.SnapshotSpoolDirectory) ? Path.GetTempPath() : _options.SnapshotSpoolDirectory;
        Directory.CreateDirectory(folder);
        return new FileStream(Path.Combine(folder, $"hc-snapshot-{Guid.NewGuid():N}.ndjson"), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, CopyBufferBytes, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
    }

    // Renews the lease as it goes: a slow upload must not lose the region to a second snapshot.
    private async Task<bool> CopyWithinLimitAsync(string region, string id, Stream body, Stream spool, CancellationToken ct)
    {
        var buffer = new byte[CopyBufferBytes];
        long total = 0;
        int read;
        var renewed = time.GetTimestamp();
        while ((read = await body.ReadAsync(buffer, ct)) > 0)
        {
            total += read;
            if (total > _options.SnapshotMaxBytes) return false;
            await spool.WriteAsync(buffer.AsMemory(0, read), ct);
            if (time.GetElapsedTime(renewed) > _options.SnapshotLease / 3)
            {
                if (!await store.RenewAsync(region, id, _options.SnapshotLease, ct))
                    throw new InvalidOperationException($"Snapshot {id} of region {region} lost its lock while receiving.");
                renewed = time.GetTimestamp();
            }
        }
        await spool.FlushAsync(ct);
        spool.Position = 0;
        return true;
    }

    private async Task ReleaseAsync(string region, string id, Stream? spool)
    {
        if (spool is not null) await spool.DisposeAsync();
        try
        {
            await store.UnlockAsync(region, id, CancellationToken.None);
        }
        catch (Exception e)
        {
            // The lease runs out on its own.
            LogUnlockFailed(e, region, id);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Snapshot {SnapshotId} of region {Region} received ({Bytes} bytes, prune {Prune})")]
    private partial void LogReceived(string region, string snapshotId, long bytes, bool prune);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not release the snapshot lock of region {Region} ({SnapshotId}); its lease will run out")]
    private partial void LogUnlockFailed(Exception e, string region, string snapshotId);
}
