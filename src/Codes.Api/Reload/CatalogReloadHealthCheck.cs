using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HealthCode.Api.Reload;

/// <summary>
/// Readiness of the hot-reloaded profiles and policies (tag "ready"). Degraded, not Unhealthy, while the last reload
/// refused a file: the previous version of that file is still active and correct, and a bad edit must not take every
/// replica out of rotation. The description and data name each refused file and field. Degraded also when the folders
/// cannot be watched (a reload then needs POST /v1/admin/reload).
/// </summary>
public sealed class CatalogReloadHealthCheck(CatalogReloadState state) : IHealthCheck
{
    public const string Name = "profiles-and-policies";
    public const string AllActive = "Every profile and policy file is active as written.";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var refused = state.Last?.AllRefused() ?? [];
        var data = refused.ToDictionary(r => r.File, r => (object)$"{r.Path}: {r.Message}", StringComparer.Ordinal);
        if (state.WatchProblem is { } watch) data["watch"] = watch;
        if (data.Count == 0)
            return Task.FromResult(HealthCheckResult.Healthy(AllActive));

        var parts = new List<string>();
        if (refused.Count > 0)
            parts.Add("Refused on reload: " + string.Join("; ", refused.Select(r =>
                $"{r.File} ({r.Path}: {r.Message}; {(r.PreviousKept ? "the previous version stays active" : "not loaded")})")));
        if (state.WatchProblem is { } problem) parts.Add(problem);
        return Task.FromResult(HealthCheckResult.Degraded(string.Join(". ", parts), data: data));
    }
}
