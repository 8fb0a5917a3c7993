using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace HealthCode.Verifier.Store;

/// <summary>
/// After a status write, waits (WAIT) until <see cref="RedisStoreOptions.ReplicaAcks"/> replicas of every master
/// written have it, so the event is acknowledged only once a failover can no longer lose the write (docs/scale-out.md,
/// "During a failover"). The store's writes go over <see cref="Writes"/>, a connection of their own: WAIT holds the
/// connection it is sent on, and verify's reads must not queue behind it. A master that answers with fewer replicas
/// (none attached after a failover, or one further behind than <see cref="RedisStoreOptions.ReplicaAckTimeout"/>) is
/// not waited for again for a while: its writes are acknowledged unreplicated, counted on meter "HealthCode.Store"
/// ("hc.store.unreplicated_writes") and logged, rather than stopping ingestion for its slots. Disabled (ReplicaAcks 0,
/// a single node) it waits for nothing and the store writes on its own connection.
/// </summary>
public sealed partial class ReplicaAcknowledgement : IDisposable
{
    // The store's meter, which the host's store timings use too; the factory hands both the same Meter and owns it.
    public const string MeterName = "HealthCode.Store";
    public const string UnreplicatedInstrument = "hc.store.unreplicated_writes";

    // How long a master that came back short is not waited for, in ack timeouts (at least a second).
    private const int BackOffTimeouts = 20;

    public static readonly ReplicaAcknowledgement Disabled = new();

    private readonly IConnectionMultiplexer? _writes;
    private readonly RedisStoreOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Counter<long>? _unreplicated;
    private readonly ConcurrentDictionary<string, long> _skipUntil = new(StringComparer.Ordinal);
    private long _waits;
    private long _unreplicatedCount;

    private ReplicaAcknowledgement()
    {
        _options = new RedisStoreOptions();
        _time = TimeProvider.System;
        _logger = NullLogger.Instance;
    }

    /// <param name="writes">A connection for the store's writes only (this instance owns and disposes it).</param>
    public ReplicaAcknowledgement(IConnectionMultiplexer writes, RedisStoreOptions options, TimeProvider time,
        ILogger<ReplicaAcknowledgement> logger, IMeterFactory meters)
    {
        _writes = writes ?? throw new ArgumentNullException(nameof(writes));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        if (options.ReplicaAcks <= 0) throw new ArgumentOutOfRangeException(nameof(options), "ReplicaAcks must be positive; use Disabled.");
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        var meter = (meters ?? throw new ArgumentNullException(nameof(meters))).Create(MeterName);
        _unreplicated = meter.CreateCounter<long>(UnreplicatedInstrument, "{wait}",
            "Status writes acknowledged with fewer replicas than HealthCode:Redis:ReplicaAcks asks, by master");
    }

    public bool Enabled => _writes is not null;

    /// <summary>The connection the store writes on; null when disabled (the store writes on its own).</summary>
    public IConnectionMultiplexer? Writes => _writes;

    /// <summary>WAITs sent (tests read it).</summary>
    public long Waits => Interlocked.Read(ref _waits);

    /// <summary>Masters' writes acknowledged without the replicas asked for (tests read it; operators read the meter).</summary>
    public long Unreplicated => Interlocked.Read(ref _unreplicatedCount);

    /// <summary>Returns once every master owning one of <paramref name="written"/> has its writes on the replicas asked for, or is let off.</summary>
    public async Task AwaitAsync(IEnumerable<RedisKey> written, CancellationToken ct)
    {
        if (_writes is null) return;
        var masters = new Dictionary<string, IServer>(StringComparer.Ordinal);
        foreach (var key in written)
        {
            // Through Bounded so that a slot whose master is unknown (mid-failover) reports the store unavailable.
            var server = await RedisCalls.Bounded(() => Task.FromResult(_writes.GetServer(key)), _options.WriteTimeout, ct);
            masters.TryAdd(Format(server.EndPoint), server);
        }
        await Task.WhenAll(masters.Select(m => AwaitAsync(m.Key, m.Value, ct)));
    }

    private async Task AwaitAsync(string endpoint, IServer server, CancellationToken ct)
    {
        var now = _time.GetUtcNow().UtcTicks;
        if (_skipUntil.TryGetValue(endpoint, out var until) && now < until)
        {
            CountUnreplicated(endpoint);
            return;
        }
        Interlocked.Increment(ref _waits);
        var timeout = (long)_options.ReplicaAckTimeout.TotalMilliseconds;
        var acked = (long)await RedisCalls.Bounded(() => server.ExecuteAsync("WAIT", _options.ReplicaAcks, timeout),
            _options.WriteTimeout + _options.ReplicaAckTimeout, ct);
        if (acked >= _options.ReplicaAcks)
        {
            _skipUntil.TryRemove(endpoint, out _);
            return;
        }
        var backOff = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerSecond, _options.ReplicaAckTimeout.Ticks * BackOffTimeouts));
        _skipUntil[endpoint] = now + backOff.Ticks;
        LogShort(endpoint, acked, _options.ReplicaAcks, backOff.TotalSeconds);
        CountUnreplicated(endpoint);
    }

    private void CountUnreplicated(string endpoint)
    {
        Interlocked.Increment(ref _unreplicatedCount);
        _unreplicated?.Add(1, new KeyValuePair<string, object?>("master", endpoint));
    }

    private static string Format(System.Net.EndPoint? endpoint) => endpoint switch
    {
        System.Net.IPEndPoint ip => ip.ToString(),
        System.Net.DnsEndPoint dns => string.Create(CultureInfo.InvariantCulture, $"{dns.Host}:{dns.Port}"),
        _ => endpoint?.ToString() ?? "?",
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis master {Master} has {Acked} of {Asked} replicas in sync; its status writes are acknowledged unreplicated for the next {Seconds} s")]
    private partial void LogShort(string master, long acked, int asked, double seconds);

    public void Dispose() => _writes?.Dispose();
}
