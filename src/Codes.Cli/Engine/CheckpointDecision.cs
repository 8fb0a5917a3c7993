namespace HealthCode.Cli.Engine;

/// <summary>
/// What a checkpoint decides for a status at the validation clock. Decision is "accept", "deny" or "manual", or null
/// when the request itself was refused (Problem says why, e.g. an invalid scene).
/// </summary>
public sealed record CheckpointDecision(
    CheckpointQuery Checkpoint,
    string? Decision,
    IReadOnlyList<string> Reasons,
    string? Level,
    string? Policy,
    string? Problem);
