namespace HealthCode.Verifier.Verification;

/// <summary>
/// DESIGN.md §5 verify response (serialize camelCase). Holder carries masked forms only; Holder and Status are
/// null when the service holds no status for the code.
/// </summary>
public sealed record VerifyResponse(
    string Decision,
    string Level,
    string Issuer,
    DisplayInfo Display,
    HolderInfo? Holder,
    IReadOnlyList<string> Reasons,
    StatusInfo? Status,
    PolicyInfo Policy,
    DateTimeOffset CheckedAt);
