using System.Diagnostics.Metrics;

namespace HealthCode.Verifier.Transport.RabbitMq;

/// <summary>
/// What the AMQP transport did with deliveries, on meter "HealthCode.Transport": "hc.transport.error_queued"
/// (tag reason), "hc.transport.requeued" (store outage outlasted the in-memory retries), plus in-process totals.
/// Outcomes themselves are counted by IngestionMetrics.
/// </summary>
public sealed class TransportMetrics : IDisposable
{
    public const string MeterName = "HealthCode.Transport";
    private readonly Meter _meter;
    private readonly Counter<long> _errorQueued;
    private readonly Counter<long> _requeued;
    private long _errorQueuedCount, _requeuedCount;

    public TransportMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _errorQueued = _meter.CreateCounter<long>("hc.transport.error_queued", description: "Events moved to the error queue");
        _requeued = _meter.CreateCounter<long>("hc.transport.requeued", description: "Deliveries handed back to the queue during a store outage");
    }

    public long ErrorQueued => Interlocked.Read(ref _errorQueuedCount);
    public long Requeued => Interlocked.Read(ref _requeuedCount);

    internal void RecordErrorQueued(string reason)
    {
        Interlocked.Increment(ref _errorQueuedCount);
        _errorQueued.Add(1, new KeyValuePair<string, object?>("reason", reason));
    }

    internal void RecordRequeued()
    {
        Interlocked.Increment(ref _requeuedCount);
        _requeued.Add(1);
    }

    public void Dispose() => _meter.Dispose();
}
