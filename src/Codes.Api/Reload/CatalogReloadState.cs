namespace HealthCode.Api.Reload;

/// <summary>
/// The last reload, for readiness. Each reload reads both folders whole, so the last report alone says which files
/// are refused now; null until the first reload (start-up loads strictly and refuses to start on a bad file).
/// </summary>
public sealed class CatalogReloadState
{
    private ReloadReport? _last;
    private string? _watchProblem;

    public ReloadReport? Last => Volatile.Read(ref _last);

    /// <summary>Why the folders are not watched (null while they are, or when watching is off by configuration).</summary>
    public string? WatchProblem => Volatile.Read(ref _watchProblem);

    public void Record(ReloadReport report) => Volatile.Write(ref _last, report);

    public void RecordWatchProblem(string? problem) => Volatile.Write(ref _watchProblem, problem);
}
