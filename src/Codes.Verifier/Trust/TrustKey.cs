namespace HealthCode.Verifier.Trust;

/// <summary>
/// One registered ES256 public key of a region. Only <see cref="TrustStore"/> builds these, so every instance holds a
/// P-256 SubjectPublicKeyInfo. Origin and Field say where it was registered (file path and "keys[i]", or
/// "configuration" and the configuration key) so duplicates and audits can point at it.
/// </summary>
public sealed record TrustKey
{
    internal TrustKey(string region, string id, byte[] subjectPublicKeyInfo, DateTimeOffset? notBefore, DateTimeOffset? notAfter,
        string origin, string field)
    {
        Region = region;
        Id = id;
        SubjectPublicKeyInfo = subjectPublicKeyInfo;
        NotBefore = notBefore;
        NotAfter = notAfter;
        Origin = origin;
        Field = field;
    }

    public string Region { get; }
    public string Id { get; }
    public ReadOnlyMemory<byte> SubjectPublicKeyInfo { get; }
    public DateTimeOffset? NotBefore { get; }
    public DateTimeOffset? NotAfter { get; }
    public string Origin { get; }
    public string Field { get; }

    /// <summary>notBefore is inclusive, notAfter exclusive, so a successor key can start exactly when its predecessor ends.</summary>
    public bool IsValidAt(DateTimeOffset instant) =>
        (NotBefore is null || instant >= NotBefore.Value) && (NotAfter is null || instant < NotAfter.Value);
}
