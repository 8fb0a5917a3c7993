using System.Diagnostics.Metrics;

namespace HealthCode.Verifier.Transport.RabbitMq;

/// <summary>
/// What the AMQP transport did with deliveries, on meter "HealthCode.Transport" (exported by the host through
/// OpenTelemetry): "hc.transport.error_queued" (tag reason, an ingestion reason code) and "hc.transport.requeued"
/// (a store outage outlasted the in-memory retries). Outcomes themselves are counted by IngestionMetrics.
/// </summary>
public sealed class TransportMetrics : IDisposable
{
    public const string MeterName = "HealthCode.Transport";
    public const string ErrorQueuedInstrument = "hc.transport.error_queued";
    public const string RequeuedInstrument = "hc.transport.requeued";

    private readonly Meter _meter;
    private readonly Counter<long> _errorQueued;
    private readonly Counter<long> _requeued;

    public TransportMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _errorQueued = _meter.CreateCounter<long>(ErrorQueuedInstrument, "{event}", "Events moved to the error queue");
        _requeued = _meter.CreateCounter<long>(RequeuedInstrument, "{delivery}", "Deliveries handed back to the queue during a store outage");
    }

    internal void RecordErrorQueued(string reason) => _errorQueued.Add(1, new KeyValuePair<string, object?>("reason", reason));

    internal void RecordRequeued() => _requeued.Add(1);

    public void Dispose() => _meter.Dispose();
}
