using HealthCode.Translator.Canonical;
using HealthCode.Verifier.Policies;
using HealthCode.Verifier.Store;
using HealthCode.Verifier.Verification;

namespace HealthCode.Verifier.Tests.Verification;

public sealed class DefaultPolicyTests : VerificationFixture
{
    [Test]
    public async Task Current_green_code_is_accepted_with_no_reasons()
    {
        await Given(Zhejiang, sequence: 42);
        var r = await Verify(Zhejiang);
        Assert.That(r.Decision, Is.EqualTo(Decision.Accept));
        Assert.That(r.Level, Is.EqualTo(RiskLevel.Green));
        Assert.That(r.Issuer, Is.EqualTo("330000"));
        Assert.That(r.Reasons, Is.Empty);
        Assert.That(r.Display, Is.EqualTo(new DisplayInfo("330100", "绿码", LevelColors.Green)));
        Assert.That(r.Status, Is.EqualTo(new StatusInfo(42, Now - TimeSpan.FromHours(1), 3600)));
        Assert.That((r.Policy.Id, r.Policy.Version), Is.EqualTo(("default", "2022-01-01")));
        Assert.That(r.CheckedAt, Is.EqualTo(Now));
        Assert.That(r.Holder, Is.EqualTo(new HolderInfo("张*", "3301**********7021")));
    }

    [Test]
    public async Task Yellow_level_is_denied_level_yellow()
    {
        await Given(Zhejiang, e => e with { Level = RiskLevel.Yellow });
        var r = await Verify(Zhejiang);
        Assert.That((r.Decision, r.Reasons), Is.EqualTo((Decision.Deny, new[] { ReasonCodes.LevelYellow })));
        Assert.That(r.Display.Color, Is.EqualTo(LevelColors.Yellow));
    }

    [Test]
    public async Task Red_level_is_denied_level_red()
    {
        await Given(Zhejiang, e => e with { Level = RiskLevel.Red });
        var r = await Verify(Zhejiang);
        Assert.That((r.Decision, r.Reasons), Is.EqualTo((Decision.Deny, new[] { ReasonCodes.LevelRed })));
        Assert.That(r.Display.Color, Is.EqualTo(LevelColors.Red));
    }

    [Test]
    public async Task Unknown_level_is_manual()
    {
        await Given(Zhejiang, e => e with { Level = RiskLevel.Unknown, NativeLevel = "init", SubStatus = "under-review" });
        var r = await Verify(Zhejiang);
        Assert.That((r.Decision, r.Level), Is.EqualTo((Decision.Manual, RiskLevel.Unknown)));
        Assert.That(r.Reasons, Is.EqualTo(new[] { ReasonCodes.LevelUnknown }));
        Assert.That(r.Display.Color, Is.EqualTo(LevelColors.Unknown));
    }

    [Test]
    public async Task Stale_status_is_manual_never_accept()
    {
        await Given(Zhejiang, e => e with { StatusAt = Now - TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1) });
        var r = await Verify(Zhejiang);
        Assert.That((r.Decision, r.Level), Is.EqualTo((Decision.Manual, RiskLevel.Green)));
        Assert.That(r.Reasons, Is.EqualTo(new[] { ReasonCodes.StaleStatus }));
    }

    [Test]
    public async Task Status_exactly_at_max_age_is_not_stale()
    {
        await Given(Zhejiang, e => e with { StatusAt = Now - TimeSpan.FromHours(24) });
        Assert.That((await Verify(Zhejiang)).Decision, Is.EqualTo(Decision.Accept));
    }

    [Test]
    public async Task Max_status_age_is_the_issuers()
    {
        // Guangdong statuses go stale after 12 h, not 24.
        await Given(Guangdong, e => e with { StatusAt = Now - TimeSpan.FromHours(13) });
        Assert.That((await Verify(Guangdong)).Reasons, Is.EqualTo(new[] { ReasonCodes.StaleStatus }));
    }

    [Test]
    public async Task Code_past_valid_until_is_denied_code_expired()
    {
        await Given(HongKong, e => e with { ValidUntil = Now - TimeSpan.FromSeconds(1) });
        var r = await Verify(HongKong);
        Assert.That((r.Decision, r.Reasons), Is.EqualTo((Decision.Deny, new[] { ReasonCodes.CodeExpired })));
    }

    [Test]
    public async Task Revoked_code_is_manual()
    {
        await Given(Zhejiang, e => e with { Revoked = true, Level = RiskLevel.Unknown, HolderKey = null, MaskedName = null, MaskedDocument = null });
        var r = await Verify(Zhejiang);
        Assert.That((r.Decision, r.Level), Is.EqualTo((Decision.Manual, RiskLevel.Unknown)));
        Assert.That(r.Reasons, Is.EqualTo(new[] { ReasonCodes.Revoked }));
    }

    [Test]
    public async Task Unknown_code_is_manual()
    {
        var r = await Verify(Zhejiang);
        Assert.That((r.Decision, r.Level), Is.EqualTo((Decision.Manual, RiskLevel.Unknown)));
        Assert.That(r.Reasons, Is.EqualTo(new[] { ReasonCodes.UnknownCode }));
        Assert.That(r.Holder, Is.Null);
        Assert.That(r.Status, Is.Null);
    }

    [Test]
    public async Task Holder_red_elsewhere_restricts_green_code()
    {
        await Given(Zhejiang);
        await Given(Beijing, e => e with { Level = RiskLevel.Red });
        var r = await Verify(Zhejiang);
        Assert.That((r.Decision, r.Level), Is.EqualTo((Decision.Deny, RiskLevel.Red)));
        Assert.That(r.Reasons, Is.EqualTo(new[] { ReasonCodes.OtherCodeRestricts, ReasonCodes.LevelRed }));
    }

    [Test]
    public async Task Holder_unknown_elsewhere_makes_green_code_manual()
    {
        await Given(Zhejiang);
        await Given(Guangdong, e => e with { Level = RiskLevel.Unknown });
        var r = await Verify(Zhejiang);
        Assert.That((r.Decision, r.Level), Is.EqualTo((Decision.Manual, RiskLevel.Unknown)));
        Assert.That(r.Reasons, Is.EqualTo(new[] { ReasonCodes.OtherCodeRestricts, ReasonCodes.LevelUnknown }));
    }

    [Test]
    public async Task Stale_expired_or_revoked_codes_elsewhere_do_not_restrict()
    {
        await Given(Zhejiang);
        await Given(Beijing, e => e with { Level = RiskLevel.Red, StatusAt = Now - TimeSpan.FromHours(25) });
        await Given(HongKong, e => e with { Level = RiskLevel.Red, ValidUntil = Now - TimeSpan.FromMinutes(1) });
        await Given(Macau, e => e with { Level = RiskLevel.Red, Revoked = true });
        Assert.That((await Verify(Zhejiang)).Decision, Is.EqualTo(Decision.Accept));
    }

    [Test]
    public async Task Another_holders_red_code_does_not_restrict()
    {
        await Given(Zhejiang, holder: "h1");
        await Given(Beijing, e => e with { Level = RiskLevel.Red }, holder: "h2");
        Assert.That((await Verify(Zhejiang)).Decision, Is.EqualTo(Decision.Accept));
    }
}
