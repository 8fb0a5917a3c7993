namespace HealthCode.Verifier.Verification;

/// <summary>
/// DESIGN.md §5 verify request as received: nothing in it is trusted until <see cref="VerifyRequestRules"/> checked it
/// (a missing checkpoint is null, a missing field empty). Issuer null = detect it from the code's pattern.
/// </summary>
public sealed record VerifyRequest(string Code, CheckpointInfo? Checkpoint, string? Issuer);
