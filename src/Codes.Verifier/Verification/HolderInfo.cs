namespace HealthCode.Verifier.Verification;

public sealed record HolderInfo(string? MaskedName, string? MaskedDocument);
