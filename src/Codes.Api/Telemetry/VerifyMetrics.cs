using System.Diagnostics.Metrics;
using HealthCode.Verifier.Verification;

namespace HealthCode.Api.Telemetry;

/// <summary>
/// Verify on meter "HealthCode.Verify": "hc.verify.decisions" (issuer, decision), "hc.verify.reasons" (issuer,
/// decision, reason: one per reason of a decision) and "hc.verify.duration" (seconds: outcome). The issuer is the
/// loaded region the code was attributed to and reasons are policy reason codes: a code value, name or document number
/// never becomes a tag.
/// </summary>
public sealed class VerifyMetrics : IDisposable
{
    public const string MeterName = "HealthCode.Verify";
    public const string DecisionsInstrument = "hc.verify.decisions";
    public const string ReasonsInstrument = "hc.verify.reasons";
    public const string DurationInstrument = "hc.verify.duration";

    /// <summary>The outcome tag of a request refused before any decision (400 or 422).</summary>
    public const string Refused = "refused";

    // Verify answers from one Redis round trip: most of the range is below 10 ms, the store deadline is 250 ms.
    private static readonly double[] DurationBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];

    private readonly Meter _meter;
    private readonly Counter<long> _decisions;
    private readonly Counter<long> _reasons;
    private readonly Histogram<double> _duration;

    public VerifyMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        _decisions = _meter.CreateCounter<long>(DecisionsInstrument, "{decision}", "Verify decisions by issuer and decision");
        _reasons = _meter.CreateCounter<long>(ReasonsInstrument, "{reason}", "Reasons given with verify decisions, by issuer, decision and reason");
        _duration = _meter.CreateHistogram(DurationInstrument, "s", "Verify handling time, store read included, by outcome",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
    }

    public void RecordDecision(VerifyResponse response, TimeSpan elapsed)
    {
        var decision = response.Decision.ToString().ToLowerInvariant();
        var issuer = new KeyValuePair<string, object?>("issuer", response.Issuer);
        var decisionTag = new KeyValuePair<string, object?>("decision", decision);
        _decisions.Add(1, issuer, decisionTag);
        foreach (var reason in response.Reasons) _reasons.Add(1, issuer, decisionTag, new KeyValuePair<string, object?>("reason", reason));
        _duration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("outcome", decision));
    }

    public void RecordRefused(TimeSpan elapsed) =>
        _duration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("outcome", Refused));

    public void Dispose() => _meter.Dispose();
}
