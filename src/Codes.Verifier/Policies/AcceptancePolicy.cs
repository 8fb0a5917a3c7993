using System.Text.Json.Serialization;
using HealthCode.Translator.Canonical;

namespace HealthCode.Verifier.Policies;

/// <summary>
/// A checkpoint region's policy as used for decisions: for a regional policy, its own scene-scoped level rules
/// come first and the default's follow, and its requirements are added to the default's.
/// </summary>
public sealed record AcceptancePolicy
{
    public required string Id { get; init; }
    public required string Version { get; init; }
    public string? Description { get; init; }

    /// <summary>The first 16 hex digits of the SHA-256 of the policy file's bytes (set by the loader, never read from the file).</summary>
    [JsonIgnore]
    public string Hash { get; init; } = "";
    public required IReadOnlyList<LevelRule> Levels { get; init; }
    public required IReadOnlyList<PolicyRequirement> Requirements { get; init; }

    /// <summary>The first matching level rule; the default policy covers every level, so there always is one.</summary>
    public LevelRule LevelRuleFor(RiskLevel level, string scene)
    {
        // Indexed rather than LINQ: every verify asks, and a closure and enumerator per scan add up.
        for (var i = 0; i < Levels.Count; i++)
        {
            if (Levels[i].AppliesTo(level, scene)) return Levels[i];
        }
        throw new InvalidOperationException($"Policy {Id} has no rule for level '{level.ToWire()}'.");
    }

    internal AcceptancePolicy AddedTo(AcceptancePolicy defaults) => this with
    {
        Levels = [.. Levels, .. defaults.Levels],
        Requirements = [.. defaults.Requirements, .. Requirements],
    };
}
