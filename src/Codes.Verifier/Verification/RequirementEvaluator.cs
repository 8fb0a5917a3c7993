using HealthCode.Verifier.Policies;
using HealthCode.Verifier.Store;

namespace HealthCode.Verifier.Verification;

/// <summary>Whether a status meets one policy requirement at a given instant. Missing data never meets one.</summary>
internal static class RequirementEvaluator
{
    public static bool IsMet(PolicyRequirement requirement, StatusEntry entry, DateTimeOffset now, TimeSpan clockSkew) =>
        requirement.Check switch
        {
            RequirementChecks.Nat => NatMet(requirement, entry, now, clockSkew),
            RequirementChecks.StatusAge => Within(entry.StatusAt, requirement.WithinHours, now, clockSkew),
            RequirementChecks.NoRiskAreaVisit => entry.RiskAreaVisit != true,
            // A check this build does not know cannot be shown to pass.
            _ => false,
        };

    private static bool NatMet(PolicyRequirement requirement, StatusEntry entry, DateTimeOffset now, TimeSpan clockSkew)
    {
        if (entry.NatResult != (requirement.Result ?? "negative")) return false;
        DateTimeOffset? anchor = null;
        foreach (var name in requirement.Anchor ?? ["sampledAt"])
        {
            anchor = name switch
            {
                "sampledAt" => entry.NatSampledAt,
                "reportedAt" => entry.NatReportedAt,
                _ => null,
            };
            if (anchor is not null) break;
        }
        return anchor is { } time && Within(time, requirement.WithinHours, now, clockSkew);
    }

    private static bool Within(DateTimeOffset time, double? hours, DateTimeOffset now, TimeSpan clockSkew) =>
        hours is { } h && time <= now + clockSkew && now - time <= TimeSpan.FromHours(h);
}
