namespace HealthCode.Verifier.Verification;

public sealed record PolicyInfo(string Id, string Version);
