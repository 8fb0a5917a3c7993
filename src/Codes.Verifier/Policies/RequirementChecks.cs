namespace HealthCode.Verifier.Policies;

/// <summary>The kinds of requirement a policy file may name in "check".</summary>
public static class RequirementChecks
{
    /// <summary>A NAT with the given result whose anchor time is within WithinHours of the check.</summary>
    public const string Nat = "nat";
    /// <summary>The status time is within WithinHours of the check.</summary>
    public const string StatusAge = "status-age";
    /// <summary>health.travel.riskAreaVisit is not true.</summary>
    public const string NoRiskAreaVisit = "no-risk-area-visit";
}
