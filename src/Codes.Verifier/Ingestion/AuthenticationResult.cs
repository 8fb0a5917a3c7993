namespace HealthCode.Verifier.Ingestion;

/// <summary>
/// Detail says why an event was refused; it must not quote the body. ReasonCode, when set, is a finer
/// <see cref="IngestionReasonCodes"/> value than <see cref="IngestionReasonCodes.Unauthenticated"/>.
/// </summary>
public sealed record AuthenticationResult(bool Allowed, string? Detail = null, string? ReasonCode = null)
{
    public static readonly AuthenticationResult Allow = new(true);
    /// <summary>Allowed without a signature: the region registered no key, so it publishes unsigned (DESIGN.md §8).</summary>
    public static readonly AuthenticationResult Unsigned = new(true, "the region registers no signing key.");
    public static AuthenticationResult Refuse(string detail) => new(false, detail);
    public static AuthenticationResult Refuse(string reasonCode, string detail) => new(false, detail, reasonCode);
}
