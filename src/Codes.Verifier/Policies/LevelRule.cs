using HealthCode.Translator.Canonical;

namespace HealthCode.Verifier.Policies;

/// <summary>What a canonical level decides; Scenes null = every scene. Reason is required unless the decision is accept.</summary>
public sealed record LevelRule
{
    public required RiskLevel Level { get; init; }
    public required Decision Decision { get; init; }
    public string? Reason { get; init; }
    public IReadOnlyList<string>? Scenes { get; init; }

    public bool AppliesTo(RiskLevel level, string scene) =>
        Level == level && (Scenes is null || Scenes.Contains(scene));
}
