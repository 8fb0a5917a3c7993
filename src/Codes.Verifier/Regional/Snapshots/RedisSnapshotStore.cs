using System.Globalization;
using HealthCode.Verifier.Store;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace HealthCode.Verifier.Regional.Snapshots;

/// <summary>Snapshot records as hashes and the region lock as a leased key, both under the region's hash tag.</summary>
public sealed class RedisSnapshotStore(IConnectionMultiplexer redis, RedisStoreOptions store, IOptions<RegionalOptions> options) : ISnapshotStore
{
    // KEYS[1] lock; ARGV[1] snapshot id, ARGV[2] lease ms.
    private const string Renew = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
        return 0
        """;

    // KEYS[1] lock; ARGV[1] snapshot id.
    private const string Unlock = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
        return 0
        """;

    private readonly RegionalKeys _keys = new(store.KeyPrefix);
    private readonly TimeSpan _retention = options.Value.SnapshotRetention;

    public async Task<bool> TryLockAsync(string region, string snapshotId, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        var db = redis.GetDatabase();
        return await RedisCalls.Bounded(() => db.StringSetAsync(_keys.SnapshotLock(region), snapshotId, lease, When.NotExists),
            store.WriteTimeout, cancellationToken);
    }

    public async Task<bool> RenewAsync(string region, string snapshotId, TimeSpan lease, CancellationToken cancellationToken = default) =>
        (long)await RedisCalls.EvaluateAsync(redis.GetDatabase(), Renew, [_keys.SnapshotLock(region)],
            [snapshotId, (long)lease.TotalMilliseconds], store.WriteTimeout, cancellationToken) == 1;

    public async Task UnlockAsync(string region, string snapshotId, CancellationToken cancellationToken = default) =>
        await RedisCalls.EvaluateAsync(redis.GetDatabase(), Unlock, [_keys.SnapshotLock(region)], [snapshotId], store.WriteTimeout, cancellationToken);

    public async Task SaveAsync(SnapshotStatus status, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(status);
        var db = redis.GetDatabase();
        var key = _keys.Snapshot(status.Region, status.Id);
        HashEntry[] fields =
        [
            new("state", status.State.ToString()), new("lines", status.Lines), new("applied", status.Applied), new("current", status.Current),
            new("hubAhead", status.HubAhead), new("rejected", status.Rejected), new("missing", status.MissingFromSnapshot),
            new("revoked", status.Revoked), new("prune", status.Prune ? 1 : 0), new("started", LedgerCodec.Millis(status.StartedAt)),
            new("finished", status.FinishedAt is { } finished ? LedgerCodec.Millis(finished) : ""), new("error", status.Error ?? ""),
            new("pruneSkipped", status.PruneSkipped ?? ""),
        ];
        await RedisCalls.Bounded(async () =>
        {
            var set = db.HashSetAsync(key, fields);
            var expire = db.KeyExpireAsync(key, _retention);
            await Task.WhenAll(set, expire);
            return true;
        }, store.WriteTimeout, cancellationToken);
    }

    public async Task<(SnapshotStatus? Status, bool HoldsLock)> GetAsync(string region, string snapshotId, CancellationToken cancellationToken = default)
    {
        var db = redis.GetDatabase();
        var (fields, holder) = await RedisCalls.Bounded(async () =>
        {
            var all = db.HashGetAllAsync(_keys.Snapshot(region, snapshotId));
            var locked = db.StringGetAsync(_keys.SnapshotLock(region));
            return (await all, await locked);
        }, store.ReadTimeout, cancellationToken);
        if (fields.Length == 0) return (null, false);
        var map = fields.ToDictionary(f => (string)f.Name!, f => (string?)f.Value, StringComparer.Ordinal);
        return (Read(region, snapshotId, map), holder == snapshotId);
    }

    private static SnapshotStatus? Read(string region, string id, Dictionary<string, string?> map)
    {
        long Count(string name) => long.TryParse(map.GetValueOrDefault(name), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        if (!Enum.TryParse<SnapshotState>(map.GetValueOrDefault("state"), out var state)) return null;
        if (LedgerCodec.FromMillis(map.GetValueOrDefault("started")) is not { } started) return null;
        return new SnapshotStatus(id, region, state, Count("lines"), Count("applied"), Count("current"), Count("hubAhead"), Count("rejected"),
            Count("missing"), Count("revoked"), map.GetValueOrDefault("prune") == "1", started, LedgerCodec.FromMillis(map.GetValueOrDefault("finished")),
            LedgerCodec.NullIfEmpty(map.GetValueOrDefault("error")), LedgerCodec.NullIfEmpty(map.GetValueOrDefault("pruneSkipped")));
    }
}
