using System.Text.Json.Serialization;
using HealthCode.Translator.Canonical;
using HealthCode.Translator.Serialization;
using HealthCode.Verifier.Ingestion;

namespace HealthCode.Verifier.Transport.Notifications;

/// <summary>
/// Integration event: a status is now the current one for its code. Never a name or a document number. Level and
/// Kind travel as their words ("green", "revoke"); a revoked code has level unknown.
/// </summary>
public sealed record StatusApplied(
    string Issuer,
    string Code,
    long Sequence,
    [property: JsonConverter(typeof(RiskLevelJsonConverter))] RiskLevel Level,
    DateTimeOffset StatusAt,
    EventKind Kind);
