using System.Threading.Channels;
using HealthCode.Api.Composition;
using Microsoft.Extensions.Options;

namespace HealthCode.Api.Reload;

/// <summary>
/// Reloads the catalogues when anything changes under the regions or policies folder (HealthCode:Reload:Watch). One
/// watcher on the schemas root covers both folders, and any entry counts, not only *.json: a Kubernetes ConfigMap
/// swaps a "..data" link, not the files. Changes are debounced (<see cref="ReloadOptions.Debounce"/>), so an editor's
/// save is one reload, and bounded, so a folder that keeps changing is still reloaded.
/// </summary>
public sealed partial class CatalogWatcher(
    CatalogReloader reloader,
    CatalogReloadState state,
    IOptions<ReloadOptions> options,
    IOptions<DataFileOptions> files,
    TimeProvider time,
    ILogger<CatalogWatcher> logger) : BackgroundService
{
    // One pending signal is enough: a reload reads the folders whole.
    private readonly Channel<bool> _changes = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Watch) return;
        using var watcher = StartWatching();
        if (watcher is null) return;

        var changes = _changes.Reader;
        while (await changes.WaitToReadAsync(stoppingToken))
        {
            changes.TryRead(out _);
            for (var round = 0; round < ReloadOptions.MaxDebounceRounds; round++)
            {
                await Task.Delay(options.Value.Debounce, time, stoppingToken);
                if (!changes.TryRead(out _)) break;
            }
            Reload();
        }
    }

    private FileSystemWatcher? StartWatching()
    {
        var root = files.Value.Schemas;
        try
        {
            var watcher = new FileSystemWatcher(root)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            watcher.Changed += OnChange;
            watcher.Created += OnChange;
            watcher.Deleted += OnChange;
            watcher.Renamed += OnChange;
            watcher.Error += OnError;
            watcher.EnableRaisingEvents = true;
            state.RecordWatchProblem(null);
            LogWatching(files.Value.Regions, files.Value.Policies);
            return watcher;
        }
        catch (Exception e) when (e is IOException or ArgumentException or PlatformNotSupportedException or UnauthorizedAccessException)
        {
            // An exhausted inotify limit must not stop the service: POST /v1/admin/reload still works, and readiness says so.
            state.RecordWatchProblem($"{root} is not watched: {e.Message}");
            LogCannotWatch(root, e.Message);
            return null;
        }
    }

    private void OnChange(object sender, FileSystemEventArgs e)
    {
        if (Concerns(e.FullPath) || e is RenamedEventArgs renamed && Concerns(renamed.OldFullPath)) _changes.Writer.TryWrite(true);
    }

    // Events may have been lost: a full reload catches up with whatever they were.
    private void OnError(object sender, ErrorEventArgs e)
    {
        LogWatchError(e.GetException().Message);
        _changes.Writer.TryWrite(true);
    }

    private bool Concerns(string path) => IsUnder(path, files.Value.Regions) || IsUnder(path, files.Value.Policies);

    private static bool IsUnder(string path, string folder)
    {
        var relative = Path.GetRelativePath(folder, path);
        return relative != ".." && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }

    private void Reload()
    {
        try
        {
            reloader.Reload(ReloadTrigger.Watch);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug in a reload leaves the previous catalogues active; the watcher stays up for the next change.
            LogReloadFailed(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching {Regions} and {Policies} for profile and policy changes")]
    private partial void LogWatching(string regions, string policies);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot watch {Root} for profile and policy changes ({Problem}); POST /v1/admin/reload still reloads")]
    private partial void LogCannotWatch(string root, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The profile and policy watcher lost events ({Problem}); reloading everything")]
    private partial void LogWatchError(string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "A watched reload failed; the previous profiles and policies stay active")]
    private partial void LogReloadFailed(Exception exception);
}
