using System.Globalization;
using StackExchange.Redis;

namespace HealthCode.Verifier.Store;

/// <summary>
/// The status store on Redis (StackExchange.Redis 1.2.6). Apply and lookup are each one Lua script, so each is
/// atomic and one round trip. Every call is bounded by <see cref="RedisStoreOptions"/> timeouts and reports
/// any Redis, connection or timeout failure as <see cref="StoreUnavailableException"/>.
/// </summary>
public sealed class RedisStatusStore : IStatusStore
{
    private readonly IConnectionMultiplexer _redis;
    private readonly RedisStoreOptions _options;
    private readonly StatusKeys _keys;

    public RedisStatusStore(IConnectionMultiplexer redis, RedisStoreOptions? options = null)
    {
        _redis = redis ?? throw new ArgumentNullException(nameof(redis));
        _options = options ?? new RedisStoreOptions();
        _keys = new StatusKeys(_options.KeyPrefix);
    }

    public StatusKeys Keys => _keys;

    /// <summary>The connection and settings, for the stores that live beside this one (the regional ledger).</summary>
    public IConnectionMultiplexer Connection => _redis;
    public RedisStoreOptions Options => _options;

    public async Task<ApplyOutcome> ApplyAsync(StatusEntry entry, TimeSpan timeToLive, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Sequence <= 0) throw new ArgumentOutOfRangeException(nameof(entry), "Sequence must be positive.");
        if (timeToLive <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(timeToLive), "A status always expires.");

        var statusKey = _keys.Status(entry.Issuer, entry.Code);
        RedisKey[] keys = string.IsNullOrEmpty(entry.HolderKey)
            ? [statusKey]
            : [statusKey, _keys.Holder(entry.HolderKey)];
        var ttlSeconds = (long)Math.Max(1, Math.Ceiling(timeToLive.TotalSeconds));
        RedisValue[] args =
        [
            entry.Sequence.ToString(CultureInfo.InvariantCulture),
            StatusEntryCodec.Encode(entry),
            ttlSeconds,
            _keys.HolderPrefix,
            entry.Revoked ? "1" : "0",
        ];
        // A write that times out here may still land later; that is safe because the script is an idempotent CAS
        // and the caller's retry either applies or finds it superseded.
        var result = await EvaluateAsync(RedisScripts.Apply, keys, args, _options.WriteTimeout, cancellationToken);
        return (long)result switch
        {
            1 => ApplyOutcome.Applied,
            2 => ApplyOutcome.Duplicate,
            _ => ApplyOutcome.Superseded,
        };
    }

    public async Task<StatusLookup> GetAsync(string issuer, string code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(code);
        RedisKey[] keys = [_keys.Status(issuer, code)];
        RedisValue[] args = [_keys.HolderPrefix, _options.MaxOtherCodes];
        var result = await EvaluateAsync(RedisScripts.Lookup, keys, args, _options.ReadTimeout, cancellationToken);
        var values = (RedisResult[]?)result ?? [];
        if (values.Length == 0) return new StatusLookup(null, []);
        var entry = StatusEntryCodec.Decode((string?)values[0]);
        var others = new List<StatusEntry>(values.Length - 1);
        for (var i = 1; i < values.Length; i++)
        {
            if (StatusEntryCodec.Decode((string?)values[i]) is { } other) others.Add(other);
        }
        return new StatusLookup(entry, others);
    }

    public Task PingAsync(CancellationToken cancellationToken = default) =>
        RedisCalls.Bounded(() => _redis.GetDatabase().PingAsync(), _options.ReadTimeout, cancellationToken);

    private Task<RedisResult> EvaluateAsync(string script, RedisKey[] keys, RedisValue[] args, TimeSpan timeout, CancellationToken ct) =>
        RedisCalls.EvaluateAsync(_redis.GetDatabase(), script, keys, args, timeout, ct);
}
