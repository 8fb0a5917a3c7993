namespace HealthCode.Verifier.Regional;

/// <summary>What an applied event does to its region's code index (the codes the hub holds, for snapshot diffs).</summary>
public enum CodeIndexChange
{
    None,
    /// <summary>A live status: the code is held until its entry expires.</summary>
    Add,
    /// <summary>A revocation: the code is no longer held as a status.</summary>
    Remove,
}
