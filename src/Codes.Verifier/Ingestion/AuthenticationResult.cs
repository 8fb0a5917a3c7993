namespace HealthCode.Verifier.Ingestion;

/// <summary>
/// Detail says why an event was refused; it must not quote the body. ReasonCode, when set, is a finer
/// <see cref="IngestionReasonCodes"/> value than <see cref="IngestionReasonCodes.Unauthenticated"/>.
/// </summary>
public sealed record AuthenticationResult(bool Allowed, string? Detail = null, string? ReasonCode = null)
{
    public static readonly AuthenticationResult Allow = new(true);
    public static AuthenticationResult Refuse(string detail) => new(false, detail);
    public static AuthenticationResult Refuse(string reasonCode, string detail) => new(false, detail, reasonCode);
}
