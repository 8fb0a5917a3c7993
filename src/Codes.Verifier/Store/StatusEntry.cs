namespace HealthCode.Verifier.Store;

/// <summary>
/// What the store keeps for one code: the decision inputs and masked holder forms only — never a full name
/// or document number. HolderKey is an HMAC of (document type, number) under the service secret.
/// Level is the canonical level on the wire ("green", …); a revoked code keeps its sequence with Revoked = true.
/// </summary>
public sealed record StatusEntry(
    string Issuer,
    string Code,
    long Sequence,
    string Level,
    string NativeLevel,
    string? SubStatus,
    DateTimeOffset StatusAt,
    DateTimeOffset? ValidUntil,
    bool Revoked,
    string? HolderKey,
    string? MaskedName,
    string? MaskedDocument,
    string? NatResult,
    DateTimeOffset? NatSampledAt,
    DateTimeOffset? NatReportedAt,
    int? VaccineDoses,
    bool? RiskAreaVisit,
    DateTimeOffset ReceivedAt);
