using System.Text.Json;

namespace HealthCode.Api.DryRun;

/// <summary>
/// One native payload to run. Body is the payload as a string; Expected maps canonical dotted fields to the values the
/// author expects; Checkpoint (and At, default now) asks what verify would decide with this record as the only status.
/// At is read by <see cref="SampleTime"/> (an ISO 8601 time with its offset), so a bad one is a 400 naming the field.
/// </summary>
public sealed record DryRunSample(
    string? Name,
    string? ContentType,
    string? Body,
    IReadOnlyDictionary<string, JsonElement>? Expected,
    DryRunCheckpoint? Checkpoint,
    string? At,
    bool? Fhir);
