using System.Diagnostics.Metrics;
using HealthCode.Verifier.Policies;
using HealthCode.Verifier.Verification;

namespace HealthCode.Api.Telemetry;

/// <summary>
/// Verify on meter "HealthCode.Verify": "hc.verify.decisions" (issuer, decision), "hc.verify.reasons" (issuer,
/// decision, reason: one per reason of a decision) and "hc.verify.duration" (seconds: outcome). The issuer is the
/// loaded region the code was attributed to and reasons are policy reason codes: a code value, name or document number
/// never becomes a tag. The verify endpoint calls <see cref="Start"/> first and records once it has an outcome.
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

    // Built once: every verify records these tags, so no per-request word or pair is made.
    private static readonly Dictionary<Decision, (KeyValuePair<string, object?> Decision, KeyValuePair<string, object?> Outcome)> Tags =
        Enum.GetValues<Decision>().ToDictionary(d => d,
            d => (new KeyValuePair<string, object?>("decision", Word(d)), new KeyValuePair<string, object?>("outcome", Word(d))));
    private static readonly KeyValuePair<string, object?> RefusedTag = new("outcome", Refused);

    private readonly Meter _meter;
    private readonly Counter<long> _decisions;
    private readonly Counter<long> _reasons;
    private readonly Histogram<double> _duration;
    private readonly TimeProvider _time;

    public VerifyMetrics(IMeterFactory meterFactory, TimeProvider time)
    {
        _time = time;
        _meter = meterFactory.Create(MeterName);
        _decisions = _meter.CreateCounter<long>(DecisionsInstrument, "{decision}", "Verify decisions by issuer and decision");
        _reasons = _meter.CreateCounter<long>(ReasonsInstrument, "{reason}", "Reasons given with verify decisions, by issuer, decision and reason");
        _duration = _meter.CreateHistogram(DurationInstrument, "s", "Verify handling time, store read included, by outcome",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
    }

    /// <summary>The timestamp to hand back to <see cref="RecordDecision"/> or <see cref="RecordRefused"/>.</summary>
    public long Start() => _time.GetTimestamp();

    public void RecordDecision(VerifyResponse response, long started)
    {
        ArgumentNullException.ThrowIfNull(response);
        var elapsed = _time.GetElapsedTime(started);
        var issuer = new KeyValuePair<string, object?>("issuer", response.Issuer);
        var (decision, outcome) = Tags[response.Decision];
        _decisions.Add(1, issuer, decision);
        foreach (var reason in response.Reasons) _reasons.Add(1, issuer, decision, new KeyValuePair<string, object?>("reason", reason));
        _duration.Record(elapsed.TotalSeconds, outcome);
    }

    public void RecordRefused(long started) => _duration.Record(_time.GetElapsedTime(started).TotalSeconds, RefusedTag);

    public void Dispose() => _meter.Dispose();

    private static string Word(Decision decision) => decision.ToString().ToLowerInvariant();
}
