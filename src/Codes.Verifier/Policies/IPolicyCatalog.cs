namespace HealthCode.Verifier.Policies;

/// <summary>
/// The acceptance policies a decision reads. Callers ask again for every decision rather than keeping a policy, so a
/// reload (a new catalogue swapped in whole) takes effect for the next request.
/// </summary>
public interface IPolicyCatalog
{
    /// <summary>The default policy: an unscoped rule for every level.</summary>
    AcceptancePolicy Default { get; }

    /// <summary>The default first, then the regional policies (merged onto the default) by id.</summary>
    IReadOnlyList<AcceptancePolicy> All { get; }

    /// <summary>The first policy along the region's fallback chain, else the default.</summary>
    /// <exception cref="ArgumentException">The region is not a six-digit id (callers check the request first).</exception>
    AcceptancePolicy ForCheckpoint(string checkpointRegion);
}
