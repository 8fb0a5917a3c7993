namespace HealthCode.Verifier.Regional.Snapshots;

/// <summary>A running snapshot's counts, updated from concurrent lines. Unreadable: lines whose code could not be read.</summary>
internal sealed class SnapshotCounters
{
    private long _lines, _applied, _current, _hubAhead, _rejected, _unreadable, _missing, _revoked;

    public long Lines => Interlocked.Read(ref _lines);
    public long Unreadable => Interlocked.Read(ref _unreadable);

    public void Line() => Interlocked.Increment(ref _lines);
    public void Applied() => Interlocked.Increment(ref _applied);
    public void Current() => Interlocked.Increment(ref _current);
    public void HubAhead() => Interlocked.Increment(ref _hubAhead);
    public void Rejected() => Interlocked.Increment(ref _rejected);
    public void CodeUnreadable() => Interlocked.Increment(ref _unreadable);
    public void Missing(int count) => Interlocked.Add(ref _missing, count);
    public void Revoked() => Interlocked.Increment(ref _revoked);

    public SnapshotStatus Status(SnapshotRequest request, SnapshotState state, DateTimeOffset? finishedAt = null, string? error = null,
        string? pruneSkipped = null) =>
        new(request.Id, request.Region.Id, state, Interlocked.Read(ref _lines), Interlocked.Read(ref _applied), Interlocked.Read(ref _current),
            Interlocked.Read(ref _hubAhead), Interlocked.Read(ref _rejected), Interlocked.Read(ref _missing), Interlocked.Read(ref _revoked),
            request.Prune, request.StartedAt, finishedAt, error, pruneSkipped);
}
