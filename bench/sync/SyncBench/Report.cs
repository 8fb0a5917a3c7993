using System.Globalization;

namespace HealthCode.Bench.Sync;

/// <summary>One "RESULT key=value ..." line per measurement: run.sh greps and tabulates them.</summary>
internal static class Report
{
    public static void Drain(string mode, DrainTimeline timeline, int prefetch, int concurrency) =>
        Line($"mode={mode} count={timeline.Count} prefetch={prefetch} concurrency={concurrency} seconds={F(timeline.Seconds, 2)} " +
             $"rate={F(timeline.OverallRate, 0)} steady_rate={F(timeline.SteadyRate, 0)} " +
             $"cpu_ms_per_event={F(timeline.CpuMillisPerEvent, 3)}");

    public static void Line(string text)
    {
        Console.WriteLine("RESULT " + text);
        Console.Out.Flush();
    }

    public static string F(double value, int decimals) => double.IsPositiveInfinity(value) ? "inf" : value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
