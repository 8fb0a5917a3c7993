using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HealthCode.Verifier.Regional.Snapshots;

/// <summary>
/// Runs the snapshots <see cref="SnapshotCoordinator"/> queues, each as its own <see cref="SnapshotRun"/> (regions do
/// not wait for each other; one region never has two, by its lock). On shutdown the runs are cancelled and awaited:
/// each records itself as failed (interrupted) and frees its region.
/// </summary>
public sealed partial class SnapshotWorker(SnapshotCoordinator coordinator, IServiceProvider services, ILogger<SnapshotWorker> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, Task> _running = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var request in coordinator.Requests.ReadAllAsync(stoppingToken))
            {
                var run = ActivatorUtilities.CreateInstance<SnapshotRun>(services, request);
                var key = request.Region.Id + "/" + request.Id;
                _running[key] = Task.Run(async () =>
                {
                    try { await run.RunAsync(stoppingToken); }
                    catch (Exception e) { LogRunFailed(e, request.Region.Id, request.Id); }
                    finally { _running.TryRemove(key, out _); }
                }, CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        await Task.WhenAll(_running.Values);
        // Received but never started: the spool goes, the lock's lease runs out, the record reads as interrupted.
        while (coordinator.Requests.TryRead(out var left)) await left.Body.DisposeAsync();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Snapshot {SnapshotId} of region {Region} ended with an unhandled fault")]
    private partial void LogRunFailed(Exception e, string region, string snapshotId);
}
