using Microsoft.Extensions.Options;

namespace HealthCode.Verifier.Regional.Snapshots;

/// <summary>The embedded mode's snapshot records and region locks, on the injected clock, with the Redis store's semantics.</summary>
public sealed class InMemorySnapshotStore(TimeProvider time, IOptions<RegionalOptions> options) : ISnapshotStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (string Id, DateTimeOffset Until)> _locks = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Region, string Id), (SnapshotStatus Status, DateTimeOffset ExpiresAt)> _records = new();
    private readonly TimeSpan _retention = options.Value.SnapshotRetention;

    public Task<bool> TryLockAsync(string region, string snapshotId, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_locks.TryGetValue(region, out var held) && held.Until > now) return Task.FromResult(false);
            _locks[region] = (snapshotId, now + lease);
            return Task.FromResult(true);
        }
    }

    public Task<bool> RenewAsync(string region, string snapshotId, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (!_locks.TryGetValue(region, out var held) || held.Id != snapshotId || held.Until <= now) return Task.FromResult(false);
            _locks[region] = (snapshotId, now + lease);
            return Task.FromResult(true);
        }
    }

    public Task UnlockAsync(string region, string snapshotId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_locks.TryGetValue(region, out var held) && held.Id == snapshotId) _locks.Remove(region);
        }
        return Task.CompletedTask;
    }

    public Task SaveAsync(SnapshotStatus status, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(status);
        lock (_gate)
        {
            var now = time.GetUtcNow();
            foreach (var (key, stored) in _records.ToArray())
                if (stored.ExpiresAt <= now) _records.Remove(key);
            _records[(status.Region, status.Id)] = (status, now + _retention);
        }
        return Task.CompletedTask;
    }

    public Task<(SnapshotStatus? Status, bool HoldsLock)> GetAsync(string region, string snapshotId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var status = _records.TryGetValue((region, snapshotId), out var stored) && stored.ExpiresAt > now ? stored.Status : null;
            var holds = _locks.TryGetValue(region, out var held) && held.Id == snapshotId && held.Until > now;
            return Task.FromResult((status, holds));
        }
    }
}
