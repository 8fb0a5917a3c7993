using System.ComponentModel.DataAnnotations;

namespace HealthCode.Verifier.Verification;

/// <summary>
/// Configuration section <see cref="Section"/>. StoreDeadline bounds the whole store lookup of one verify, on top of
/// the store's own timeouts, so that a store that hangs still yields manual (store-unavailable) in bounded time.
/// </summary>
public sealed class VerificationOptions
{
    public const string Section = "HealthCode:Verification";

    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:10")]
    public TimeSpan StoreDeadline { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>How far in the future a NAT or status time may lie (clock skew between systems) and still count.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);
}
