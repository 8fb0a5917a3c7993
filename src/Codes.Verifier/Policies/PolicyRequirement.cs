namespace HealthCode.Verifier.Policies;

/// <summary>
/// One extra check (see <see cref="RequirementChecks"/>); when it is not met the decision gets Reason with Decision.
/// Scenes/Issuers null = all. Anchor lists NAT times in order of preference ("sampledAt", "reportedAt").
/// </summary>
public sealed record PolicyRequirement
{
    public required string Check { get; init; }
    public required Decision Decision { get; init; }
    public required string Reason { get; init; }
    public IReadOnlyList<string>? Scenes { get; init; }
    public IReadOnlyList<string>? Issuers { get; init; }
    public string? Result { get; init; }
    public double? WithinHours { get; init; }
    public IReadOnlyList<string>? Anchor { get; init; }

    public bool AppliesTo(string scene, string issuer) =>
        (Scenes is null || Scenes.Contains(scene)) && (Issuers is null || Issuers.Contains(issuer));
}
