using HealthCode.Verifier.Policies;

namespace HealthCode.Verifier.Verification;

/// <summary>
/// The reasons found for one scan, each with the decision its rule asks for, and the precedence that turns
/// them into one decision:
///   1. code-expired → deny (an expired code is refused outright; checking on site cannot revive it);
///   2. else any manual-class reason (unknown-code, store-unavailable, revoked, stale-status, level-unknown, or a
///      policy rule whose decision is manual) → manual;
///   3. else any deny reason → deny;
///   4. else accept — only when no check at all objected, so no fault or missing data ever yields accept.
/// </summary>
internal sealed class ReasonSet
{
    private readonly List<(string Reason, Decision Decision)> _reasons = [];

    public void Add(string reason, Decision decision)
    {
        if (ReasonCodes.ManualClass.Contains(reason)) decision = Decision.Manual;
        var index = IndexOf(reason);
        if (index < 0) _reasons.Add((reason, decision));
        else if (decision > _reasons[index].Decision) _reasons[index] = (reason, decision);
    }

    /// <summary>The reasons in the order found; a shared empty list when there are none (every accept).</summary>
    public IReadOnlyList<string> Reasons
    {
        get
        {
            if (_reasons.Count == 0) return [];
            var reasons = new string[_reasons.Count];
            for (var i = 0; i < reasons.Length; i++) reasons[i] = _reasons[i].Reason;
            return reasons;
        }
    }

    public Decision Decide()
    {
        if (_reasons.Any(r => r.Reason == ReasonCodes.CodeExpired)) return Decision.Deny;
        if (_reasons.Any(r => r.Decision == Decision.Manual)) return Decision.Manual;
        if (_reasons.Any(r => r.Decision == Decision.Deny)) return Decision.Deny;
        // A reason whose rule said accept cannot exist (the loader refuses it), but fail closed if it ever does.
        return _reasons.Count == 0 ? Decision.Accept : Decision.Manual;
    }

    private int IndexOf(string reason)
    {
        for (var i = 0; i < _reasons.Count; i++)
        {
            if (_reasons[i].Reason == reason) return i;
        }
        return -1;
    }
}
