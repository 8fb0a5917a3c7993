namespace HealthCode.Translator.Canonical;

/// <summary>Canonical risk level. The numeric order is the restrictiveness order: a larger value never passes where a smaller one does not.</summary>
public enum RiskLevel
{
    Green = 0,
    Yellow = 1,
    Red = 2,
    // The region's value establishes no risk level; ranked most restrictive so that combining levels fails closed.
    Unknown = 3,
}
