namespace HealthCode.Verifier.Verification;

/// <summary>
/// StoreDeadline bounds the whole store lookup of one verify, on top of the store's own timeouts, so that a
/// store that hangs still yields manual (store-unavailable) in bounded time.
/// </summary>
public sealed record VerificationOptions
{
    public TimeSpan StoreDeadline { get; init; } = TimeSpan.FromMilliseconds(300);
    /// <summary>How far in the future a NAT time may lie (clock skew between systems) and still count.</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromMinutes(5);
}
