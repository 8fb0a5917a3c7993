using System.Diagnostics.Metrics;

namespace HealthCode.Verifier.Ingestion;

/// <summary>
/// Ingestion on meter "HealthCode.Ingestion", exported by the host through OpenTelemetry: every event's outcome
/// ("hc.ingestion.events": outcome, reason, region), events handed back during a store outage
/// ("hc.ingestion.store_failures": region) and the publish → applied lag of applied events ("hc.ingestion.lag",
/// seconds: region). Tags hold only a loaded region id (else "other"), an outcome word and a reason code: never a code
/// value, name or document number.
/// </summary>
public sealed class IngestionMetrics : IDisposable
{
    public const string MeterName = "HealthCode.Ingestion";
    public const string EventsInstrument = "hc.ingestion.events";
    public const string StoreFailuresInstrument = "hc.ingestion.store_failures";
    public const string LagInstrument = "hc.ingestion.lag";

    /// <summary>The reason tag of an event that was not refused.</summary>
    public const string NoReason = "none";

    // The AMQP timestamp has whole seconds, so finer buckets than 10 ms would only show rounding.
    private static readonly double[] LagBuckets = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300, 900];

    private readonly Meter _meter;
    private readonly Counter<long> _events;
    private readonly Counter<long> _storeFailures;
    private readonly Histogram<double> _lag;

    public IngestionMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _events = _meter.CreateCounter<long>(EventsInstrument, "{event}", "Status events by outcome (applied, superseded, rejected), reason and region");
        _storeFailures = _meter.CreateCounter<long>(StoreFailuresInstrument, "{event}", "Events not applied because the store was unavailable");
        _lag = _meter.CreateHistogram(LagInstrument, "s", "From the event's publish timestamp to its store write, for applied events",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LagBuckets });
    }

    internal void Record(ConsumeResult result, string region, DateTimeOffset? publishedAt)
    {
        _events.Add(1,
            new KeyValuePair<string, object?>("outcome", result.Status.ToString().ToLowerInvariant()),
            new KeyValuePair<string, object?>("reason", result.ReasonCode ?? NoReason),
            new KeyValuePair<string, object?>("region", region));
        // A publisher's clock ahead of ours would give a negative lag: it is recorded as none rather than dropped.
        if (result is { Status: ConsumeStatus.Applied, Entry: { } entry } && publishedAt is { } published)
            _lag.Record(Math.Max(0, (entry.ReceivedAt - published).TotalSeconds), new KeyValuePair<string, object?>("region", region));
    }

    internal void RecordStoreFailure(string region) =>
        _storeFailures.Add(1, new KeyValuePair<string, object?>("region", region));

    public void Dispose() => _meter.Dispose();
}
