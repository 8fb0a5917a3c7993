namespace HealthCode.Cli.Engine;

/// <summary>A clock stopped at one instant: a conformance vector's validation clock.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
