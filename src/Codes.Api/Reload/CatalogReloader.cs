using HealthCode.Api.Composition;
using HealthCode.Verifier.Catalogs;
using Microsoft.Extensions.Options;

namespace HealthCode.Api.Reload;

/// <summary>
/// Reloads the region profiles and the policies from their folders (on a file change or POST /v1/admin/reload): every
/// valid file is swapped in atomically; an invalid one is refused with one warning naming the file and the field, and
/// its previous version stays active. One reload at a time, so the recorded report is always the latest folder state.
/// </summary>
public sealed partial class CatalogReloader(
    ReloadableRegionCatalog regions,
    ReloadablePolicyCatalog policies,
    CatalogReloadState state,
    IOptions<DataFileOptions> files,
    TimeProvider time,
    ILogger<CatalogReloader> logger)
{
    private readonly Lock _gate = new();

    public ReloadReport Reload(string trigger)
    {
        lock (_gate)
        {
            var report = new ReloadReport(time.GetUtcNow(), trigger,
                regions.ReloadFrom(files.Value.Regions), policies.ReloadFrom(files.Value.Policies));
            Log("region", report.Regions, trigger);
            Log("policy", report.Policies, trigger);
            state.Record(report);
            return report;
        }
    }

    private void Log(string kind, CatalogReload reload, string trigger)
    {
        foreach (var refused in reload.Refused)
        {
            LogRefused(kind, refused.File, refused.Path, refused.Message,
                refused.PreviousKept ? "the previous version stays active" : "it is not loaded");
        }
        foreach (var id in reload.Removed) LogRemoved(kind, id);
        if (reload.Changed)
        {
            LogChanged(kind, trigger, reload.Active.Count, string.Join(",", reload.Added), string.Join(",", reload.Updated),
                string.Join(",", reload.Removed));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reload refused {Kind} file {File}: {Field}: {Problem}; {Outcome}")]
    private partial void LogRefused(string kind, string file, string field, string problem, string outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reload removed {Kind} {Id}: its file is gone")]
    private partial void LogRemoved(string kind, string id);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Reload ({Trigger}) activated {Count} {Kind} entries: added [{Added}], updated [{Updated}], removed [{Removed}]")]
    private partial void LogChanged(string kind, string trigger, int count, string added, string updated, string removed);
}
