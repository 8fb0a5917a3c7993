namespace HealthCode.Verifier.Verification;

/// <summary>The issuer's region profile that read the code: id, its "version" key (null when the file has none) and the hash of its file.</summary>
public sealed record IssuerProfileInfo(string Id, string? Version, string Hash);
