using System.Text.Json.Nodes;
using HealthCode.Cli.Engine;

namespace HealthCode.Cli.Conformance;

/// <summary>
/// One conformance vector (docs/conformance.md): a native payload, the validation clock, and what must come of it —
/// canonical fields, or the native fields that must be reported as errors — plus decisions at checkpoints.
/// AlsoHeld are other codes of the same holder, published before the payload.
/// </summary>
public sealed record ConformanceVector(
    string File,
    string Name,
    string? Description,
    PayloadInput Payload,
    DateTimeOffset At,
    IReadOnlyDictionary<string, JsonNode?> Expected,
    IReadOnlyList<string>? ExpectedErrors,
    string? ExpectedFailure,
    IReadOnlyList<PayloadInput> AlsoHeld,
    IReadOnlyList<CheckpointExpectation> Checkpoints)
{
    public string Region => Payload.Region;

    /// <summary>True when the payload must be refused (expectedErrors or expectedFailure given).</summary>
    public bool ExpectsRejection => ExpectedErrors is not null || ExpectedFailure is not null;
}
