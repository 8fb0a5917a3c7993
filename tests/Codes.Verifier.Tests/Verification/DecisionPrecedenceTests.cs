using HealthCode.Translator.Canonical;
using HealthCode.Verifier.Policies;
using HealthCode.Verifier.Verification;

namespace HealthCode.Verifier.Tests.Verification;

/// <summary>code-expired → deny; else any manual-class reason → manual; else any deny → deny; else accept.</summary>
public sealed class DecisionPrecedenceTests : VerificationFixture
{
    [Test]
    public async Task Decision_lists_every_reason()
    {
        // Stale, yellow, and no NAT at a Beijing metro gate: all three are reported.
        await Given(Zhejiang, e => e with { Level = RiskLevel.Yellow, StatusAt = Now - TimeSpan.FromHours(30) });
        var r = await Verify(Zhejiang, "110101", "transport");
        Assert.That(r.Reasons, Is.EquivalentTo(new[] { ReasonCodes.StaleStatus, ReasonCodes.LevelYellow, ReasonCodes.NatRequired }));
    }

    [Test]
    public async Task Manual_reason_outranks_deny_reasons()
    {
        await Given(Zhejiang, e => e with { Level = RiskLevel.Red, StatusAt = Now - TimeSpan.FromHours(30) });
        var r = await Verify(Zhejiang, "110101", "transport");
        Assert.That(r.Decision, Is.EqualTo(Decision.Manual));
        Assert.That(r.Reasons, Does.Contain(ReasonCodes.LevelRed).And.Contain(ReasonCodes.StaleStatus));
    }

    [Test]
    public async Task Code_expired_outranks_manual_reasons()
    {
        await Given(HongKong, e => e with { Level = RiskLevel.Unknown, StatusAt = Now - TimeSpan.FromHours(30), ValidUntil = Now - TimeSpan.FromHours(6) });
        var r = await Verify(HongKong);
        Assert.That(r.Decision, Is.EqualTo(Decision.Deny));
        Assert.That(r.Reasons, Is.EquivalentTo(new[] { ReasonCodes.CodeExpired, ReasonCodes.StaleStatus, ReasonCodes.LevelUnknown }));
    }

    [Test]
    public async Task Accept_only_when_no_check_objects()
    {
        await Given(Zhejiang, e => WithNat(e, "negative", sampledAgo: TimeSpan.FromHours(3)));
        var r = await Verify(Zhejiang, "110101", "transport");
        Assert.That((r.Decision, r.Reasons.Count), Is.EqualTo((Decision.Accept, 0)));
    }

    [Test]
    public void Reason_codes_are_distinct_and_kebab_case()
    {
        Assert.That(ReasonCodes.All, Is.Unique);
        Assert.That(ReasonCodes.All, Has.All.Match("^[a-z]+(-[a-z]+)*$"));
        Assert.That(ReasonCodes.ManualClass, Is.SubsetOf(ReasonCodes.All));
    }
}
