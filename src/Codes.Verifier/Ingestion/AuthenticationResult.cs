namespace HealthCode.Verifier.Ingestion;

/// <summary>Detail says why an event was refused; it must not quote the body.</summary>
public sealed record AuthenticationResult(bool Allowed, string? Detail = null)
{
    public static readonly AuthenticationResult Allow = new(true);
    public static AuthenticationResult Refuse(string detail) => new(false, detail);
}
