using HealthCode.Verifier.Catalogs;

namespace HealthCode.Api.Reload;

/// <summary>
/// One reload of both catalogues (the answer of POST /v1/admin/reload): when, why, and per catalogue the active
/// entries, what changed and the files refused.
/// </summary>
public sealed record ReloadReport(DateTimeOffset At, string Trigger, CatalogReload Regions, CatalogReload Policies)
{
    public IReadOnlyList<RefusedFile> AllRefused() => [.. Regions.Refused, .. Policies.Refused];
}
