using System.Collections.Concurrent;
using System.Diagnostics;
using HealthCode.Verifier.Store;

namespace HealthCode.Bench.Sync;

/// <summary>
/// Which published events are visible yet. An event is visible once the store's lookup (what verify reads) returns
/// its code at its sequence or a higher one; its latency runs from just before the publish call to the reply of the
/// lookup that showed it, so it is never under-reported. Checks are triggered by the status key's keyspace
/// notification, with a sweep as the fallback.
/// </summary>
internal sealed class VisibilityTracker(IStatusStore store, string issuer)
{
    private readonly ConcurrentDictionary<string, List<(long Sequence, long PublishedAt)>> _pending = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<double> _latencies = [];
    private long _bySweep;
    private long _checks;

    public int Visible => _latencies.Count;
    public long FoundBySweep => Interlocked.Read(ref _bySweep);
    public long Checks => Interlocked.Read(ref _checks);
    public IReadOnlyCollection<double> LatenciesMs => _latencies;

    public bool AnyPending => _pending.Values.Any(l => { lock (l) return l.Count > 0; });

    public void Published(string code, long sequence, long publishedAt)
    {
        var list = _pending.GetOrAdd(code, _ => []);
        lock (list) list.Add((sequence, publishedAt));
    }

    public async Task CheckAsync(string code, bool sweep)
    {
        if (!_pending.TryGetValue(code, out var list)) return;
        lock (list)
        {
            if (list.Count == 0) return;
        }
        Interlocked.Increment(ref _checks);
        var entry = (await store.GetAsync(issuer, code)).Entry;
        var seenAt = Stopwatch.GetTimestamp();
        if (entry is null) return;
        lock (list)
        {
            for (var i = list.Count - 1; i >= 0; i--)
            {
                if (list[i].Sequence > entry.Sequence) continue;
                _latencies.Add(Stopwatch.GetElapsedTime(list[i].PublishedAt, seenAt).TotalMilliseconds);
                if (sweep) Interlocked.Increment(ref _bySweep);
                list.RemoveAt(i);
            }
        }
    }

    /// <summary>Looks up every code with an event pending for longer than <paramref name="olderThan"/>.</summary>
    public Task SweepAsync(TimeSpan olderThan)
    {
        var now = Stopwatch.GetTimestamp();
        var due = _pending.Where(p =>
        {
            lock (p.Value) return p.Value.Count > 0 && Stopwatch.GetElapsedTime(p.Value[0].PublishedAt, now) > olderThan;
        }).Select(p => p.Key).ToList();
        return Task.WhenAll(due.Select(code => CheckAsync(code, sweep: true)));
    }
}
