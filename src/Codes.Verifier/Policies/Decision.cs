namespace HealthCode.Verifier.Policies;

/// <summary>Ordered by how much it lets through: only Accept passes a gate.</summary>
public enum Decision
{
    Accept,
    Deny,
    Manual,
}
