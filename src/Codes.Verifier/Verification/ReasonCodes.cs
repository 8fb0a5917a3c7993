namespace HealthCode.Verifier.Verification;

/// <summary>
/// The stable reason codes of verify responses (regions.md "Checkpoint acceptance policies"). Scanners and
/// integrators match on these: new codes may be added, none is ever renamed or removed. Policy files may
/// name further reasons for their requirements; the ones below are those the shipped policies and the
/// fixed rules use.
/// </summary>
public static class ReasonCodes
{
    /// <summary>The level is yellow (deny by default; manual at Guangdong hospitals).</summary>
    public const string LevelYellow = "level-yellow";
    /// <summary>The level is red: deny.</summary>
    public const string LevelRed = "level-red";
    /// <summary>The region's value establishes no risk level (under review, grey, invalid…): manual.</summary>
    public const string LevelUnknown = "level-unknown";
    /// <summary>The status is older than the issuer's maximum status age: manual.</summary>
    public const string StaleStatus = "stale-status";
    /// <summary>The check is past code.validUntil: deny, whatever else applies.</summary>
    public const string CodeExpired = "code-expired";
    /// <summary>The issuer revoked the code and no newer status has arrived: manual.</summary>
    public const string Revoked = "revoked";
    /// <summary>The service holds no status for the code: manual.</summary>
    public const string UnknownCode = "unknown-code";
    /// <summary>The status store did not answer within the deadline: manual.</summary>
    public const string StoreUnavailable = "store-unavailable";
    /// <summary>
    /// The issuer declares a silence budget (maxSilence) and has sent no event or heartbeat for longer than it: the
    /// hub may be missing its updates, so manual.
    /// </summary>
    public const string IssuerSilent = "issuer-silent";
    /// <summary>Another current, non-stale code of the same holder is more restrictive; its level is used.</summary>
    public const string OtherCodeRestricts = "other-code-restricts";
    /// <summary>The policy's NAT requirement is not met (result, age, or an absent anchor time): deny.</summary>
    public const string NatRequired = "nat-required";
    /// <summary>Guangdong border: a Hong Kong or Macau status older than 6 h: deny.</summary>
    public const string CodeTooOld = "code-too-old";
    /// <summary>Jiangsu transport: the holder visited a city with a mid/high-risk area: deny.</summary>
    public const string TripRiskArea = "trip-risk-area";

    public static readonly IReadOnlyList<string> All =
    [
        LevelYellow, LevelRed, LevelUnknown, StaleStatus, CodeExpired, Revoked, UnknownCode,
        StoreUnavailable, OtherCodeRestricts, NatRequired, CodeTooOld, TripRiskArea, IssuerSilent,
    ];

    /// <summary>Reasons that mean "cannot decide safely": each forces manual unless the code has expired.</summary>
    public static readonly IReadOnlySet<string> ManualClass = new HashSet<string>(StringComparer.Ordinal)
    {
        UnknownCode, StoreUnavailable, Revoked, StaleStatus, LevelUnknown, IssuerSilent,
    };
}
