using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace HealthCode.Verifier.Ingestion;

/// <summary>
/// Outcome counters on meter "HealthCode.Ingestion" (instrument "hc.ingestion.events", tags outcome, reason,
/// region; "hc.ingestion.store_failures" for events handed back to the transport), plus in-process totals.
/// </summary>
public sealed class IngestionMetrics : IDisposable
{
    public const string MeterName = "HealthCode.Ingestion";
    private readonly Meter _meter;
    private readonly Counter<long> _events;
    private readonly Counter<long> _storeFailures;
    private readonly ConcurrentDictionary<string, long> _rejectedByReason = new(StringComparer.Ordinal);
    private long _applied, _superseded, _duplicate, _rejected, _storeFailureCount;

    public IngestionMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _events = _meter.CreateCounter<long>("hc.ingestion.events", description: "Status events by outcome");
        _storeFailures = _meter.CreateCounter<long>("hc.ingestion.store_failures", description: "Events not applied because the store was unavailable");
    }

    public long Applied => Interlocked.Read(ref _applied);
    public long Superseded => Interlocked.Read(ref _superseded);
    public long Duplicate => Interlocked.Read(ref _duplicate);
    public long Rejected => Interlocked.Read(ref _rejected);
    public long StoreFailures => Interlocked.Read(ref _storeFailureCount);
    public long RejectedFor(string reasonCode) => _rejectedByReason.TryGetValue(reasonCode, out var n) ? n : 0;

    internal void Record(ConsumeResult result, string region)
    {
        switch (result.Status)
        {
            case ConsumeStatus.Applied: Interlocked.Increment(ref _applied); break;
            case ConsumeStatus.Superseded: Interlocked.Increment(ref _superseded); break;
            case ConsumeStatus.Duplicate: Interlocked.Increment(ref _duplicate); break;
            default:
                Interlocked.Increment(ref _rejected);
                _rejectedByReason.AddOrUpdate(result.ReasonCode ?? "", 1, (_, n) => n + 1);
                break;
        }
        _events.Add(1,
            new KeyValuePair<string, object?>("outcome", result.Status.ToString().ToLowerInvariant()),
            new KeyValuePair<string, object?>("reason", result.ReasonCode),
            new KeyValuePair<string, object?>("region", region));
    }

    internal void RecordStoreFailure(string region)
    {
        Interlocked.Increment(ref _storeFailureCount);
        _storeFailures.Add(1, new KeyValuePair<string, object?>("region", region));
    }

    public void Dispose() => _meter.Dispose();
}
