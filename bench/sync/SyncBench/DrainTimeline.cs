namespace HealthCode.Bench.Sync;

/// <summary>
/// A drain, from the first consumed message to the last one done. Overall = count ÷ that time (includes the consumer's
/// warm-up: JIT, connection, first prefetch). Steady = the rate while consumption went from 20 % to 80 % of the count.
/// CpuSeconds: what the consumer's process used meanwhile.
/// </summary>
internal sealed record DrainTimeline(uint Count, double Seconds, IReadOnlyList<(double Seconds, uint Consumed)> Samples, double? CpuSeconds)
{
    public double OverallRate => Count / Seconds;

    public double CpuMillisPerEvent => CpuSeconds is { } cpu ? cpu * 1000 / Count : double.NaN;

    public double SteadyRate
    {
        get
        {
            var from = Samples.FirstOrDefault(s => s.Consumed >= Count * 0.2);
            var to = Samples.FirstOrDefault(s => s.Consumed >= Count * 0.8);
            return to.Seconds > from.Seconds ? (to.Consumed - from.Consumed) / (to.Seconds - from.Seconds) : double.NaN;
        }
    }
}
