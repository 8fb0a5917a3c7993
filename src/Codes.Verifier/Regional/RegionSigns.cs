namespace HealthCode.Verifier.Regional;

/// <summary>The last accepted event and the last applied heartbeat of a region (hub clock); null when never seen.</summary>
public sealed record RegionSigns(DateTimeOffset? LastEventAt, DateTimeOffset? LastHeartbeatAt)
{
    public static readonly RegionSigns None = new(null, null);

    /// <summary>The later of the two: when the region last gave a sign of life.</summary>
    public DateTimeOffset? LastSignAt => (LastEventAt, LastHeartbeatAt) switch
    {
        ({ } e, { } h) => e > h ? e : h,
        ({ } e, null) => e,
        (null, { } h) => h,
        _ => null,
    };
}
