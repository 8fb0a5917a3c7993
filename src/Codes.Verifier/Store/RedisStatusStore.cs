using System.Diagnostics;
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
        ];
        // A write that times out here may still land later; that is safe because the script is an idempotent CAS
        // and the caller's retry either applies or finds it superseded.
        var result = await EvaluateAsync(RedisScripts.Apply, keys, args, _options.WriteTimeout, cancellationToken);
        return (long)result == 1 ? ApplyOutcome.Applied : ApplyOutcome.Superseded;
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
        Bounded(() => _redis.GetDatabase().PingAsync(), _options.ReadTimeout, cancellationToken);

    private Task<RedisResult> EvaluateAsync(string script, RedisKey[] keys, RedisValue[] args, TimeSpan timeout, CancellationToken ct)
    {
        var db = _redis.GetDatabase();
        return Bounded(async () =>
        {
            try
            {
                return await db.ScriptEvaluateAsync(script, keys, args);
            }
            catch (RedisServerException e) when (e.Message.StartsWith("NOSCRIPT", StringComparison.Ordinal))
            {
                // 1.2.6's async path surfaces NOSCRIPT once after SCRIPT FLUSH or a restart instead of re-sending
                // the script; the retry goes out as EVAL and re-caches it.
                return await db.ScriptEvaluateAsync(script, keys, args);
            }
        }, timeout, ct);
    }

    private static async Task<T> Bounded<T>(Func<Task<T>> call, TimeSpan timeout, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        Task<T>? task = null;
        try
        {
            task = call();
            return await task.WaitAsync(timeout, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Observe(task);
            throw;
        }
        catch (Exception e) when (IsUnavailable(e))
        {
            Observe(task);
            var elapsed = Stopwatch.GetElapsedTime(started);
            throw new StoreUnavailableException(
                $"Redis did not answer ({e.GetType().Name}) after {elapsed.TotalMilliseconds:F0} ms (limit {timeout.TotalMilliseconds:F0} ms).", e);
        }
    }

    private static async Task Bounded(Func<Task<TimeSpan>> call, TimeSpan timeout, CancellationToken ct) =>
        await Bounded<TimeSpan>(call, timeout, ct);

    // A call abandoned by WaitAsync may still fault later; observe it so it never surfaces as an unobserved exception.
    private static void Observe(Task? task) =>
        task?.ContinueWith(static t => _ = t.Exception, CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    private static bool IsUnavailable(Exception e) =>
        e is TimeoutException or RedisException or ObjectDisposedException
            or System.Net.Sockets.SocketException or IOException or InvalidOperationException;
}
