namespace HealthCode.Verifier.Verification;

/// <summary>DESIGN.md §5 verify request. Issuer null = detect it from the code's pattern.</summary>
public sealed record VerifyRequest(string Code, CheckpointInfo Checkpoint, string? Issuer = null);
