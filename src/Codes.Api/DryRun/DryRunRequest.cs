using System.Text.Json;

namespace HealthCode.Api.DryRun;

/// <summary>
/// POST /v1/profiles/dry-run. Exactly one of Region (a loaded region: its active profile) and Profile (a draft, as
/// JSON). Fhir: include each normalized record's FHIR Bundle (a sample may say otherwise).
/// </summary>
public sealed record DryRunRequest(
    string? Region,
    JsonElement? Profile,
    bool? Fhir,
    IReadOnlyList<DryRunSample?>? Samples);
