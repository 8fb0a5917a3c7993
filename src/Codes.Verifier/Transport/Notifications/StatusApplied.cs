namespace HealthCode.Verifier.Transport.Notifications;

/// <summary>
/// Integration event: a status is now the current one for its code. Never a name or a document number.
/// Kind is "status" or "revoke" (a revoked code has level "unknown").
/// </summary>
public sealed record StatusApplied(string Issuer, string Code, long Sequence, string Level, DateTimeOffset StatusAt, string Kind);
