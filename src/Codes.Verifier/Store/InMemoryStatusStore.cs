namespace HealthCode.Verifier.Store;

/// <summary>
/// The embedded-mode store, with the same semantics as <see cref="RedisStatusStore"/>: CAS on the sequence,
/// per-entry TTL (on the injected clock), a holder index. One lock keeps apply atomic; the work under it is tiny.
/// </summary>
public sealed class InMemoryStatusStore(TimeProvider? time = null, int maxOtherCodes = 32) : IStatusStore
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Issuer, string Code), (StatusEntry Entry, DateTimeOffset ExpiresAt)> _entries = new();
    private readonly Dictionary<string, HashSet<(string Issuer, string Code)>> _holders = new(StringComparer.Ordinal);
    private int _appliesSinceSweep;

    public Task<ApplyOutcome> ApplyAsync(StatusEntry entry, TimeSpan timeToLive, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Sequence <= 0) throw new ArgumentOutOfRangeException(nameof(entry), "Sequence must be positive.");
        if (timeToLive <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(timeToLive), "A status always expires.");
        cancellationToken.ThrowIfCancellationRequested();

        var key = (entry.Issuer, entry.Code);
        // Whole seconds, as Redis EX has it, so both stores expire an entry at the same moment.
        var ttl = TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(timeToLive.TotalSeconds)));
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            string? oldHolder = null;
            if (_entries.TryGetValue(key, out var current) && current.ExpiresAt > now)
            {
                if (current.Entry.Sequence > entry.Sequence) return Task.FromResult(ApplyOutcome.Superseded);
                // Equal: a replay, unless a revocation meets the live status of its own sequence (it wins: fail closed).
                if (current.Entry.Sequence == entry.Sequence && (!entry.Revoked || current.Entry.Revoked))
                    return Task.FromResult(ApplyOutcome.Duplicate);
                oldHolder = current.Entry.HolderKey;
            }
            // Codes nobody scans again would otherwise stay in memory after they expire.
            if (++_appliesSinceSweep >= 1024) SweepExpired(now);
            _entries[key] = (entry, now + ttl);
            if (!string.IsNullOrEmpty(oldHolder) && oldHolder != entry.HolderKey && _holders.TryGetValue(oldHolder, out var oldSet))
            {
                oldSet.Remove(key);
                if (oldSet.Count == 0) _holders.Remove(oldHolder);
            }
            if (!string.IsNullOrEmpty(entry.HolderKey))
            {
                if (!_holders.TryGetValue(entry.HolderKey, out var set)) _holders[entry.HolderKey] = set = [];
                set.Add(key);
            }
            return Task.FromResult(ApplyOutcome.Applied);
        }
    }

    public Task<StatusLookup> GetAsync(string issuer, string code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(code);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (!TryGetLive((issuer, code), now, out var entry)) return Task.FromResult(new StatusLookup(null, []));
            var others = new List<StatusEntry>();
            if (!string.IsNullOrEmpty(entry.HolderKey) && _holders.TryGetValue(entry.HolderKey, out var set))
            {
                foreach (var member in set.ToArray())
                {
                    if (member == (issuer, code)) continue;
                    if (!TryGetLive(member, now, out var other)) set.Remove(member);
                    else if (others.Count < maxOtherCodes) others.Add(other);
                }
            }
            return Task.FromResult(new StatusLookup(entry, others));
        }
    }

    public Task PingAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <summary>Number of live entries (for the embedded mode's diagnostics and tests).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                var now = _time.GetUtcNow();
                return _entries.Values.Count(e => e.ExpiresAt > now);
            }
        }
    }

    // Live and not-yet-swept entries together (tests check the sweep with it).
    internal int StoredCount
    {
        get
        {
            lock (_gate) return _entries.Count;
        }
    }

    private void SweepExpired(DateTimeOffset now)
    {
        _appliesSinceSweep = 0;
        foreach (var (key, stored) in _entries.ToArray())
        {
            if (stored.ExpiresAt > now) continue;
            _entries.Remove(key);
            if (stored.Entry.HolderKey is { Length: > 0 } holder && _holders.TryGetValue(holder, out var set))
            {
                set.Remove(key);
                if (set.Count == 0) _holders.Remove(holder);
            }
        }
    }

    private bool TryGetLive((string, string) key, DateTimeOffset now, out StatusEntry entry)
    {
        if (_entries.TryGetValue(key, out var stored))
        {
            if (stored.ExpiresAt > now)
            {
                entry = stored.Entry;
                return true;
            }
            _entries.Remove(key);
        }
        entry = null!;
        return false;
    }
}
