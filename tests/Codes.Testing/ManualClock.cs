namespace HealthCode.Testing;

/// <summary>A clock the test moves by hand (timers still run on real time; Microsoft's FakeTimeProvider is not available here).</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    // Ticks, not a DateTimeOffset: the API tests read the clock from request threads while the test advances it.
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);

    public void Set(DateTimeOffset now) => Interlocked.Exchange(ref _ticks, now.UtcTicks);
}
