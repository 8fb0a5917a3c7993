using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using HealthCode.Verifier.Store;
using StackExchange.Redis;

namespace HealthCode.Api.Tests.Faults;

/// <summary>
/// A stream of Shanghai (310000) status events over a set of codes, each code with strictly increasing sequences and
/// color = sequence % 3, so the stored native level tells which event won. Events go out a few at a time (so they
/// arrive in any order), and every tenth one is followed by a stale re-send of an older sequence. Remembers the
/// highest confirmed sequence per code: after a fault the store must hold exactly that, for every code.
/// </summary>
public sealed class StatusStream
{
    public const string Region = "310000";
    private readonly ConcurrentDictionary<string, long> _highestConfirmed = new(StringComparer.Ordinal);
    private readonly string[] _holders;
    private int _events, _stale;

    public StatusStream(int codes)
    {
        // 18 random digits per run: runs never share codes even when they share a key prefix.
        var run = Random.Shared.NextInt64(100_000_000_000, 900_000_000_000);
        Codes = Enumerable.Range(0, codes).Select(i => "SH" + (run * 1_000_000 + i).ToString("D18", CultureInfo.InvariantCulture)).ToArray();
        var holders = Random.Shared.Next(0, 1_000_000);
        _holders = Enumerable.Range(0, codes).Select(i => ResidentIdNumbers.Make(holders + i)).ToArray();
    }

    public string[] Codes { get; }
    public int Events => _events;
    public int StaleResends => _stale;
    public IReadOnlyDictionary<string, long> HighestConfirmed => _highestConfirmed;

    public byte[] Payload(int codeIndex, long sequence) => Encoding.UTF8.GetBytes(
        $$$"""{"codeId":"{{{Codes[codeIndex]}}}","color":{{{sequence % 3}}},"holder":{"name":"周杰","idType":1,"idNo":"{{{_holders[codeIndex]}}}"},"updatedAt":"{{{DateTime.UtcNow:yyyy-MM-dd'T'HH:mm:ss'Z'}}}","nat":{"result":"NEGATIVE"}}""");

    /// <summary>
    /// Publishes <paramref name="count"/> events (round-robin over the codes, sequence = round + 1) at about
    /// <paramref name="perSecond"/>, at most <paramref name="inFlight"/> unconfirmed at once; each is retried until confirmed.
    /// </summary>
    public async Task RunAsync(RepublishingPublisher publisher, int count, int perSecond, int inFlight, TimeSpan deadline, CancellationToken ct = default)
    {
        using var slots = new SemaphoreSlim(inFlight, inFlight);
        var pending = new List<Task>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / perSecond);
            if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed, ct);
            await slots.WaitAsync(ct);
            var codeIndex = i % Codes.Length;
            var sequence = (long)(i / Codes.Length) + 1;
            var staleSequence = i % 10 == 9 && sequence > 2 ? sequence - 2 : 0;
            pending.Add(PublishOneAsync(publisher, codeIndex, sequence, staleSequence, slots, deadline, ct));
        }
        await Task.WhenAll(pending);
    }

    private async Task PublishOneAsync(RepublishingPublisher publisher, int codeIndex, long sequence, long staleSequence,
        SemaphoreSlim slots, TimeSpan deadline, CancellationToken ct)
    {
        try
        {
            await publisher.PublishAsync(Region, Payload(codeIndex, sequence), sequence, deadline, ct);
            Interlocked.Increment(ref _events);
            _highestConfirmed.AddOrUpdate(Codes[codeIndex], sequence, (_, old) => Math.Max(old, sequence));
            if (staleSequence > 0)
            {
                // A late duplicate of an older event: must never replace the newer state.
                await publisher.PublishAsync(Region, Payload(codeIndex, staleSequence), staleSequence, deadline, ct);
                Interlocked.Increment(ref _stale);
            }
        }
        finally
        {
            slots.Release();
        }
    }

    /// <summary>Records a confirm that came another way (e.g. a 202 from the HTTP publish path).</summary>
    public void RecordConfirmed(int codeIndex, long sequence) =>
        _highestConfirmed.AddOrUpdate(Codes[codeIndex], sequence, (_, old) => Math.Max(old, sequence));

    /// <summary>What the store holds for each code: (sequence, native level), read through the store's own API.</summary>
    public async Task<Dictionary<string, (long Sequence, string? NativeLevel)>> ReadStoreAsync(ConnectionMultiplexer redis, string keyPrefix)
    {
        var store = new RedisStatusStore(redis, new RedisStoreOptions { KeyPrefix = keyPrefix, ReadTimeout = TimeSpan.FromSeconds(2) }, TimeProvider.System);
        var lookups = await Task.WhenAll(Codes.Select(c => store.GetAsync(Region, c)));
        var result = new Dictionary<string, (long, string?)>(StringComparer.Ordinal);
        for (var i = 0; i < Codes.Length; i++)
        {
            if (lookups[i].Entry is { } entry) result[Codes[i]] = (entry.Sequence, entry.NativeLevel);
        }
        return result;
    }

    /// <summary>Codes whose stored state is not the highest confirmed one (missing, older, newer, or the wrong payload).</summary>
    public List<string> Differences(IReadOnlyDictionary<string, (long Sequence, string? NativeLevel)> store)
    {
        var differences = new List<string>();
        foreach (var (code, expected) in _highestConfirmed)
        {
            if (!store.TryGetValue(code, out var stored)) differences.Add($"{code}: missing (expected {expected})");
            else if (stored.Sequence != expected) differences.Add($"{code}: sequence {stored.Sequence}, expected {expected}");
            else if (stored.NativeLevel != (expected % 3).ToString(CultureInfo.InvariantCulture))
                differences.Add($"{code}: native level {stored.NativeLevel} at sequence {expected}, expected {expected % 3}");
        }
        return differences;
    }

    /// <summary>Polls Redis until it equals the highest confirmed state, or the deadline passes; returns the last differences.</summary>
    public async Task<List<string>> WaitForStoreAsync(ConnectionMultiplexer redis, string keyPrefix, TimeSpan deadline)
    {
        return await Poll.Until(async () =>
        {
            try
            {
                return Differences(await ReadStoreAsync(redis, keyPrefix));
            }
            catch (StoreUnavailableException e)
            {
                return [$"Redis unreadable: {e.Message}"];
            }
        }, differences => differences.Count == 0, deadline, TimeSpan.FromMilliseconds(200));
    }
}
