using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using HealthCode.Verifier.Ingestion;
using HealthCode.Verifier.Transport.RabbitMq;

namespace HealthCode.Verifier.Tests.Support;

/// <summary>
/// What the ingestion and transport meters recorded from now on, per instrument and tag set. Scope: the host's
/// IMeterFactory, or null for metrics created without one (the unit tests' consumers; tests run one at a time, and every
/// live instrument of that name counts, since earlier tests' meters are never disposed).
/// </summary>
public sealed class MeterCounts : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, long Value, KeyValuePair<string, object?>[] Tags)> _measurements = new();

    public MeterCounts(object? scope)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == scope && instrument.Meter.Name is IngestionMetrics.MeterName or TransportMetrics.MeterName)
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => _measurements.Enqueue((instrument.Name, value, tags.ToArray())));
        _listener.Start();
    }

    public long Applied => Sum(IngestionMetrics.EventsInstrument, ("outcome", "applied"));
    public long Superseded => Sum(IngestionMetrics.EventsInstrument, ("outcome", "superseded"));
    public long Duplicate => Sum(IngestionMetrics.EventsInstrument, ("outcome", "duplicate"));
    public long Rejected => Sum(IngestionMetrics.EventsInstrument, ("outcome", "rejected"));
    public long Consumed => Sum(IngestionMetrics.EventsInstrument);
    public long StoreFailures => Sum(IngestionMetrics.StoreFailuresInstrument);
    public long ErrorQueued => Sum(TransportMetrics.ErrorQueuedInstrument);
    public long Requeued => Sum(TransportMetrics.RequeuedInstrument);

    public long RejectedFor(string reason) => Sum(IngestionMetrics.EventsInstrument, ("outcome", "rejected"), ("reason", reason));

    private long Sum(string instrument, params (string Key, string Value)[] tags) => _measurements
        .Where(m => m.Instrument == instrument && tags.All(t => m.Tags.Any(kv => kv.Key == t.Key && Equals(kv.Value, t.Value))))
        .Sum(m => m.Value);

    public void Dispose() => _listener.Dispose();
}
