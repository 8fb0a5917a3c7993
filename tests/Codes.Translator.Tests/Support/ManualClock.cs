namespace HealthCode.Translator.Tests.Support;

/// <summary>A clock tests move by hand (Microsoft's FakeTimeProvider is not available here).</summary>
internal sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset _now = now;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
