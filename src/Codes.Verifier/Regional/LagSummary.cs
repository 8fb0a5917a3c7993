namespace HealthCode.Verifier.Regional;

/// <summary>Publish→applied lag of a region's applied events over the window (nearest-rank percentiles, milliseconds).</summary>
public sealed record LagSummary(int Samples, long? P50Ms, long? P99Ms, int WindowSeconds)
{
    public static LagSummary Of(IReadOnlyList<long> lagsMs, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(lagsMs);
        var seconds = (int)window.TotalSeconds;
        if (lagsMs.Count == 0) return new LagSummary(0, null, null, seconds);
        var sorted = lagsMs.Order().ToArray();
        return new LagSummary(sorted.Length, Rank(sorted, 0.50), Rank(sorted, 0.99), seconds);
    }

    private static long Rank(long[] sorted, double quantile) =>
        sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];
}
