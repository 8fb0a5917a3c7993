using System.Collections.ObjectModel;
using System.Diagnostics;

namespace HealthCode.Api.Tests.Operations;

/// <summary>The in-memory exporter's target: spans arrive on the exporting threads while the test reads snapshots.</summary>
public sealed class SpanLog : Collection<Activity>
{
    private readonly Lock _gate = new();

    protected override void InsertItem(int index, Activity item)
    {
        lock (_gate) base.InsertItem(index, item);
    }

    public IReadOnlyList<Activity> Snapshot()
    {
        lock (_gate) return [.. Items];
    }
}
