using System.Text.Json.Serialization;
using HealthCode.Translator.Canonical;
using HealthCode.Translator.Serialization;
using HealthCode.Verifier.Policies;

namespace HealthCode.Verifier.Verification;

/// <summary>
/// DESIGN.md §5 verify response (serialize camelCase; decision and level as their words). Holder carries masked forms
/// only; Holder and Status are null when the service holds no status for the code. Policy and IssuerProfile name the
/// exact files that decided (version and content hash), so a decision can be traced across hot reloads.
/// </summary>
public sealed record VerifyResponse(
    Decision Decision,
    [property: JsonConverter(typeof(RiskLevelJsonConverter))] RiskLevel Level,
    string Issuer,
    DisplayInfo Display,
    HolderInfo? Holder,
    IReadOnlyList<string> Reasons,
    StatusInfo? Status,
    PolicyInfo Policy,
    IssuerProfileInfo IssuerProfile,
    DateTimeOffset CheckedAt);
