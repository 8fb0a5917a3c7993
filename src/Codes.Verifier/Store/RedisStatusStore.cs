using System.Globalization;
using StackExchange.Redis;

namespace HealthCode.Verifier.Store;

/// <summary>
/// The status store on Redis, a single node or a Redis Cluster (docs/scale-out.md). Verify is one HGET for a code
/// whose holder has no other code, and one more HGET of the holder's index entry when it has. Apply is a CAS script on
/// the code's status bucket, run alongside the Link script on the holder's index bucket; every script touches one key.
/// Expiry is the value's own expiresAt on the injected clock (fields have no TTL of their own); buckets are swept of
/// expired fields as they are written, and a bucket left unwritten for its longest TTL expires whole. Every call
/// is bounded by <see cref="RedisStoreOptions"/> timeouts and reports any Redis, connection or timeout failure as
/// <see cref="StoreUnavailableException"/>. With <see cref="ReplicaAcknowledgement"/> enabled, writes go over its
/// connection and an apply returns once the masters written have the replicas asked for.
/// </summary>
public sealed class RedisStatusStore : IStatusStore
{
    // A CAS is refused while the code may still be linked to a holder its newer event takes it from; only another event
    // of the same code, written at the same moment, can make that happen again, so a few rounds settle it.
    private const int MaxUnlinkRounds = 4;

    private readonly IConnectionMultiplexer _redis;
    private readonly IConnectionMultiplexer _writes;
    private readonly ReplicaAcknowledgement _acks;
    private readonly RedisStoreOptions _options;
    private readonly TimeProvider _time;
    private readonly StatusKeys _keys;

    /// <summary>A store that acknowledges a write once the master has it (a single node, or replicas not waited for).</summary>
    public RedisStatusStore(IConnectionMultiplexer redis, RedisStoreOptions options, TimeProvider time)
        : this(redis, options, time, ReplicaAcknowledgement.Disabled)
    {
    }

    /// <summary>A store that writes through <paramref name="acks"/> and waits for its replicas when it is enabled.</summary>
    public RedisStatusStore(IConnectionMultiplexer redis, RedisStoreOptions options, TimeProvider time, ReplicaAcknowledgement acks)
    {
        _redis = redis ?? throw new ArgumentNullException(nameof(redis));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _acks = acks ?? throw new ArgumentNullException(nameof(acks));
        _writes = acks.Writes ?? redis;
        _keys = new StatusKeys(_options.KeyPrefix, _options.StatusBuckets, _options.HolderBuckets);
    }

    public StatusKeys Keys => _keys;

    /// <summary>The connection and settings, for the stores that live beside this one (the regional ledger).</summary>
    public IConnectionMultiplexer Connection => _redis;
    public RedisStoreOptions Options => _options;

    // Link and CAS run side by side; correctness does not need them ordered. A holder's code A must end flagged "m" once
    // a code B of the same holder is linked: B's writer links B (seeing A, since A linked first) and then marks A; A's
    // CAS keeps the flag whether it lands before the mark (the mark flags the value) or after (the mark left a flagged
    // placeholder or value that the CAS keeps). If B links first, A's own Link returns B and A's writer marks A itself.
    // Every step is safe to repeat: a writer that fails midway throws, and the retry of the same event finishes the job
    // (Link and Mark again, the unlink before the CAS again, or the unlink of a superseded link again).
    public async Task<ApplyOutcome> ApplyAsync(StatusEntry entry, TimeSpan timeToLive, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Sequence <= 0) throw new ArgumentOutOfRangeException(nameof(entry), "Sequence must be positive.");
        if (timeToLive <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(timeToLive), "A status always expires.");

        var db = _writes.GetDatabase();
        var member = StatusKeys.Member(entry.Issuer, entry.Code);
        var statusBucket = _keys.StatusBucket(member);
        var holder = entry.Revoked ? "" : entry.HolderKey ?? "";
        var ttlSeconds = (long)Math.Max(1, Math.Ceiling(timeToLive.TotalSeconds));
        var now = _time.GetUtcNow();
        var expiresAt = HolderIndexCodec.Base36(now.ToUnixTimeSeconds() + ttlSeconds);
        var sequence = entry.Sequence.ToString(CultureInfo.InvariantCulture);

        var link = holder.Length == 0
            ? Task.FromResult<string[]>([])
            : LinkAsync(db, holder, member, sequence, HolderIndexCodec.Summary(entry, expiresAt), ttlSeconds, now, cancellationToken);
        var record = StatusEntryCodec.EncodeRecord(entry);
        // Every key written, for the replica acknowledgement: WAIT is per master, and covers all its earlier writes.
        List<RedisKey> written = holder.Length == 0 ? [statusBucket] : [statusBucket, _keys.HolderBucket(holder)];
        var (outcome, previousHolder) = await CompareAndSetAsync(db, statusBucket, member, sequence, record, ttlSeconds, holder,
            entry.Revoked, now, expiresAt, written, cancellationToken);
        var others = await link;

        var followUps = new List<Task>();
        if (others.Length > 0)
        {
            foreach (var code in others.Append(member))
            {
                followUps.Add(MarkAsync(db, code, now, expiresAt, ttlSeconds, cancellationToken));
                written.Add(_keys.StatusBucket(code));
            }
        }
        if (outcome != ApplyOutcome.Applied && holder.Length > 0 && previousHolder != holder)
        {
            // A late event linked the code to a holder it no longer has; take that link back (a newer link stays). A retry
            // of this event finds it superseded again and takes the link back again, so a failure here loses nothing.
            followUps.Add(UnlinkAsync(db, holder, member, sequence, now, cancellationToken));
        }
        await Task.WhenAll(followUps);
        // A duplicate too: it may be the redelivery of a write whose wait for the replicas failed.
        await _acks.AwaitAsync(written, cancellationToken);
        return outcome;
    }

    // The CAS, which refuses to take the code from a holder it is still linked to (RedisScripts.Apply): the code is
    // unlinked from that holder first and the CAS repeated. A code whose holder keeps changing under this writer is
    // handed back as unavailable, so the event is retried rather than lost.
    private async Task<(ApplyOutcome Outcome, string PreviousHolder)> CompareAndSetAsync(IDatabase db, string statusBucket,
        string member, string sequence, byte[] record, long ttlSeconds, string holder, bool revoked, DateTimeOffset now,
        string expiresAt, List<RedisKey> written, CancellationToken ct)
    {
        var (unlinked, unlinkedAt) = ("", "");
        for (var round = 0; round < MaxUnlinkRounds; round++)
        {
            var stored = (RedisResult[])(await Evaluate(db, RedisScripts.Apply, statusBucket,
                [member, sequence, record, ttlSeconds, holder, revoked ? "1" : "0", "0", now.ToUnixTimeSeconds(), expiresAt, unlinked, unlinkedAt],
                _options.WriteTimeout, ct))!;
            var previousHolder = (string?)stored[1] ?? "";
            switch ((long)stored[0])
            {
                case 1: return (ApplyOutcome.Applied, previousHolder);
                case 2: return (ApplyOutcome.Duplicate, previousHolder);
                case 3:
                    await UnlinkAsync(db, previousHolder, member, sequence, now, ct);
                    written.Add(_keys.HolderBucket(previousHolder));
                    (unlinked, unlinkedAt) = (previousHolder, (string?)stored[2] ?? "");
                    break;
                default: return (ApplyOutcome.Superseded, previousHolder);
            }
        }
        throw new StoreUnavailableException($"The holder of a code changed {MaxUnlinkRounds} times while one event for it was written.");
    }

    public async Task<StatusLookup> GetAsync(string issuer, string code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(code);
        var db = _redis.GetDatabase();
        var member = StatusKeys.Member(issuer, code);
        var value = (byte[]?)await RedisCalls.Bounded(() => db.HashGetAsync(_keys.StatusBucket(member), member), _options.ReadTimeout, cancellationToken);
        var now = _time.GetUtcNow();
        if (value is null || StatusEntryCodec.ReadPrefix(value) is not { } prefix || prefix.ExpiresAt <= now) return new StatusLookup(null, []);
        var entry = StatusEntryCodec.Decode(value, prefix, issuer, code);
        if (entry is null || entry.Revoked || !prefix.Multi || prefix.Holder.Length == 0) return new StatusLookup(entry, []);

        var index = (string?)await RedisCalls.Bounded(() => db.HashGetAsync(_keys.HolderBucket(prefix.Holder), prefix.Holder),
            _options.ReadTimeout, cancellationToken);
        var others = HolderIndexCodec.Others(index, prefix.Holder, member, now, _options.MaxOtherCodes);
        return new StatusLookup(entry, others);
    }

    public Task PingAsync(CancellationToken cancellationToken = default) =>
        RedisCalls.Bounded(() => _redis.GetDatabase().PingAsync(), _options.ReadTimeout, cancellationToken);

    private async Task<string[]> LinkAsync(IDatabase db, string holder, string member, string sequence, string summary,
        long ttlSeconds, DateTimeOffset now, CancellationToken ct)
    {
        var result = await Evaluate(db, RedisScripts.Link, _keys.HolderBucket(holder),
            [holder, member, sequence, summary, ttlSeconds, now.ToUnixTimeSeconds()], _options.WriteTimeout, ct);
        return ((string?[]?)result ?? []).OfType<string>().ToArray();
    }

    private Task UnlinkAsync(IDatabase db, string holder, string member, string sequence, DateTimeOffset now, CancellationToken ct) =>
        Evaluate(db, RedisScripts.Unlink, _keys.HolderBucket(holder), [holder, member, sequence, now.ToUnixTimeSeconds()], _options.WriteTimeout, ct);

    private Task MarkAsync(IDatabase db, string member, DateTimeOffset now, string expiresAt, long ttlSeconds, CancellationToken ct) =>
        Evaluate(db, RedisScripts.Mark, _keys.StatusBucket(member), [member, now.ToUnixTimeSeconds(), expiresAt, ttlSeconds], _options.WriteTimeout, ct);

    private static Task<RedisResult> Evaluate(IDatabase db, string script, string key, RedisValue[] args, TimeSpan timeout, CancellationToken ct) =>
        RedisCalls.EvaluateAsync(db, script, [key], args, timeout, ct);
}
