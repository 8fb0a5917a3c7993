namespace HealthCode.Verifier.Verification;

public sealed record StatusInfo(long Sequence, DateTimeOffset StatusAt, long AgeSeconds);
