using System.Text.Json.Nodes;

namespace HealthCode.Cli.Engine;

/// <summary>
/// The result of normalizing one payload. On success Canonical is the canonical record (wire form) and Fhir the FHIR
/// Bundle when asked for; otherwise Failure names the kind ("invalid", "malformed" …) and Errors the native fields.
/// </summary>
public sealed record NormalizeOutcome(
    JsonObject? Canonical,
    string? Fhir,
    string? Failure,
    string? FailureDetail,
    IReadOnlyList<FieldIssue> Errors,
    IReadOnlyList<FieldIssue> Warnings)
{
    public bool Succeeded => Canonical is not null;
}
