using HealthCode.Verifier.Store;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace HealthCode.Verifier.Regional;

/// <summary>
/// The regional ledger on Redis, beside the status store (same connection, same KeyPrefix, same timeouts). Each write
/// is one Lua script over keys of one region's hash slot (<see cref="RegionalKeys"/>); each read one command.
/// </summary>
public sealed class RedisRegionalLedger(IConnectionMultiplexer redis, RedisStoreOptions store, IOptions<RegionalOptions> options) : IRegionalLedger
{
    private const int UnlistedPageSize = 1000;
    private readonly RegionalOptions _options = options.Value;

    public RegionalKeys Keys { get; } = new(store.KeyPrefix);

    public async Task RecordPendingAsync(string region, string messageId, long sequence, DateTimeOffset receivedAt, CancellationToken cancellationToken = default) =>
        await Evaluate(RegionalScripts.Pending, [Keys.Outcome(region, messageId)],
            [sequence, LedgerCodec.Millis(receivedAt), Seconds(_options.OutcomeRetention)], store.WriteTimeout, cancellationToken);

    public async Task ForgetPendingAsync(string region, string messageId, CancellationToken cancellationToken = default) =>
        await Evaluate(RegionalScripts.ForgetPending, [Keys.Outcome(region, messageId)], [], store.WriteTimeout, cancellationToken);

    public async Task<EventState> RecordAsync(string region, LedgerEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        RedisKey[] keys =
        [
            Keys.Outcome(region, entry.MessageId ?? ""), Keys.Rejections(region), Keys.Signs(region), Keys.Lag(region), Keys.Codes(region),
            Keys.Seen(region, entry.Snapshot?.SnapshotId ?? ""),
        ];
        RedisValue[] args =
        [
            entry.State.ToWire(), entry.MessageId ?? "", entry.Sequence?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            LedgerCodec.Millis(entry.DecidedAt), entry.PublishedAt is { } published ? LedgerCodec.Millis(published) : "",
            entry.Reason ?? "", entry.Detail ?? "", LedgerCodec.FieldsJson(entry.Fields), Seconds(_options.OutcomeRetention),
            _options.RejectionFeedLength, entry.Alive ? "1" : "0", entry.Heartbeat ? "1" : "0", IndexOp(entry.Index), entry.Code ?? "",
            entry.CodeExpiresAt is { } expires ? LedgerCodec.Millis(expires) : "0",
            entry.Snapshot is null ? "" : Seconds(_options.SnapshotRetention),
            (long)_options.LagWindow.TotalMilliseconds, _options.LagSamples, entry.LagTag ?? "",
            entry.Snapshot?.SnapshotId ?? "", entry.Snapshot?.Line ?? 0,
        ];
        var result = (RedisResult[])(await Evaluate(RegionalScripts.Record, keys, args, store.WriteTimeout, cancellationToken))!;
        return EventStates.TryParse((string?)result[0], out var state) ? state : entry.State;
    }

    public async Task<EventOutcome?> GetOutcomeAsync(string region, string messageId, CancellationToken cancellationToken = default)
    {
        var db = redis.GetDatabase();
        var fields = await RedisCalls.Bounded(() => db.HashGetAllAsync(Keys.Outcome(region, messageId)), store.ReadTimeout, cancellationToken);
        if (fields.Length == 0) return null;
        return LedgerCodec.Outcome(messageId, fields.ToDictionary(f => (string)f.Name!, f => (string?)f.Value, StringComparer.Ordinal));
    }

    public async Task<RejectionPage> ReadRejectionsAsync(string region, RejectionCursor after, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var db = redis.GetDatabase();
        RedisValue min = after == RejectionCursor.Start ? "-" : "(" + after;
        var entries = await RedisCalls.Bounded(() => db.StreamRangeAsync(Keys.Rejections(region), min, "+", limit), store.ReadTimeout, cancellationToken);
        var items = entries.Select(ToItem).ToList();
        return new RejectionPage(items, items.Count == 0 ? after.ToString() : items[^1].Id);
    }

    public async Task<RegionSigns> GetSignsAsync(string region, CancellationToken cancellationToken = default)
    {
        var db = redis.GetDatabase();
        var values = await RedisCalls.Bounded(() => db.HashGetAsync(Keys.Signs(region), ["ev", "hb"]), store.ReadTimeout, cancellationToken);
        return new RegionSigns(LedgerCodec.FromMillis(values[0]), LedgerCodec.FromMillis(values[1]));
    }

    public async Task<LagSummary> GetLagAsync(string region, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var db = redis.GetDatabase();
        var since = (now - _options.LagWindow).ToUnixTimeMilliseconds();
        var members = await RedisCalls.Bounded(() => db.SortedSetRangeByScoreAsync(Keys.Lag(region), since, double.PositiveInfinity, Exclude.Start),
            store.ReadTimeout, cancellationToken);
        var lags = members.Select(m => LedgerCodec.Long(((string?)m)?.Split(':', 2)[0])).OfType<long>().ToList();
        return LagSummary.Of(lags, _options.LagWindow);
    }

    public async Task MarkSeenAsync(string region, string snapshotId, string code, CancellationToken cancellationToken = default) =>
        await Evaluate(RegionalScripts.MarkSeen, [Keys.Seen(region, snapshotId)], [code, Seconds(_options.SnapshotRetention)], store.WriteTimeout, cancellationToken);

    public async Task<UnlistedPage> FindUnlistedAsync(string region, string snapshotId, string cursor, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var result = (RedisResult[])(await Evaluate(RegionalScripts.Unlisted, [Keys.Codes(region), Keys.Seen(region, snapshotId)],
            [cursor, LedgerCodec.Millis(now), UnlistedPageSize, Seconds(_options.SnapshotRetention)], store.WriteTimeout, cancellationToken))!;
        return new UnlistedPage(result.Skip(1).Select(r => (string)r!).ToList(), (string?)result[0] ?? "0");
    }

    public async Task DropSeenAsync(string region, string snapshotId, CancellationToken cancellationToken = default)
    {
        var db = redis.GetDatabase();
        // UNLINK: a seen-set of a million codes is freed in the background, not on Redis's main thread.
        await RedisCalls.Bounded(() => db.ExecuteAsync("UNLINK", (RedisKey)Keys.Seen(region, snapshotId)), store.WriteTimeout, cancellationToken);
    }

    private Task<RedisResult> Evaluate(string script, RedisKey[] keys, RedisValue[] args, TimeSpan timeout, CancellationToken ct) =>
        RedisCalls.EvaluateAsync(redis.GetDatabase(), script, keys, args, timeout, ct);

    private static RejectionItem ToItem(StreamEntry entry)
    {
        string? Get(string name) => entry.Values.FirstOrDefault(v => v.Name == name).Value is { IsNull: false } value ? (string?)value : null;
        return new RejectionItem((string)entry.Id!, LedgerCodec.NullIfEmpty(Get("message")), Get("reason") ?? "", LedgerCodec.NullIfEmpty(Get("detail")),
            LedgerCodec.Fields(Get("fields")), LedgerCodec.Long(Get("seq")), LedgerCodec.FromMillis(Get("at")) ?? DateTimeOffset.UnixEpoch,
            LedgerCodec.NullIfEmpty(Get("snapshot")), LedgerCodec.Long(Get("line")));
    }

    private static string IndexOp(CodeIndexChange change) => change switch
    {
        CodeIndexChange.Add => "add",
        CodeIndexChange.Remove => "remove",
        _ => "",
    };

    private static long Seconds(TimeSpan span) => (long)Math.Ceiling(span.TotalSeconds);
}
