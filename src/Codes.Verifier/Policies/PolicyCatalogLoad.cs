namespace HealthCode.Verifier.Policies;

/// <summary>
/// A folder of policies read file by file, as written (not merged onto the default): those that passed their checks,
/// and the problem of each that did not. A reload keeps the previous version of each failed file and takes every good one.
/// </summary>
public sealed record PolicyCatalogLoad(IReadOnlyList<AcceptancePolicy> Policies, IReadOnlyList<PolicyFileError> Failures)
{
    public bool Succeeded => Failures.Count == 0;
}
