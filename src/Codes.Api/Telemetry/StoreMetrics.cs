using System.Diagnostics.Metrics;

namespace HealthCode.Api.Telemetry;

/// <summary>
/// The status store on meter "HealthCode.Store": "hc.store.duration" (seconds: operation get | apply | ping, outcome
/// ok | unavailable | error) and "hc.store.failures" (operation, outcome). Tags never name a key or a code.
/// </summary>
public sealed class StoreMetrics : IDisposable
{
    public const string MeterName = "HealthCode.Store";
    public const string DurationInstrument = "hc.store.duration";
    public const string FailuresInstrument = "hc.store.failures";

    private static readonly double[] DurationBuckets = [0.0002, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

    private readonly Meter _meter;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _failures;

    public StoreMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        _duration = _meter.CreateHistogram(DurationInstrument, "s", "Status store calls by operation and outcome",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _failures = _meter.CreateCounter<long>(FailuresInstrument, "{call}", "Status store calls that failed, by operation and outcome");
    }

    public void Record(string operation, string outcome, TimeSpan elapsed)
    {
        var operationTag = new KeyValuePair<string, object?>("operation", operation);
        var outcomeTag = new KeyValuePair<string, object?>("outcome", outcome);
        _duration.Record(elapsed.TotalSeconds, operationTag, outcomeTag);
        if (outcome != InstrumentedStatusStore.Ok) _failures.Add(1, operationTag, outcomeTag);
    }

    public void Dispose() => _meter.Dispose();
}
