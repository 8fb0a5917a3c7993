namespace HealthCode.Api.DryRun;

/// <summary>Verify reads "now" from its clock; a dry run asks about a chosen instant instead.</summary>
internal sealed class FixedClock(DateTimeOffset at) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => at;
}
