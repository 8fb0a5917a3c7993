using HealthCode.Translator.Canonical;
using HealthCode.Verifier.Policies;
using HealthCode.Verifier.Verification;

namespace HealthCode.Verifier.Tests.Verification;

public sealed class RegionalPolicyTests : VerificationFixture
{
    private static readonly TimeSpan H = TimeSpan.FromHours(1);

    [TestCase("transport")]
    [TestCase("venue")]
    public async Task Beijing_transport_needs_negative_nat_sampled_within_72h(string scene)
    {
        await Given(Zhejiang, e => WithNat(e, "negative", sampledAgo: 72 * H));
        Assert.That((await Verify(Zhejiang, "110105", scene)).Decision, Is.EqualTo(Decision.Accept));

        await Given(Zhejiang, e => WithNat(e, "negative", sampledAgo: 72 * H + TimeSpan.FromSeconds(1)), sequence: 2);
        var r = await Verify(Zhejiang, "110105", scene);
        Assert.That((r.Decision, r.Reasons), Is.EqualTo((Decision.Deny, new[] { ReasonCodes.NatRequired })));
        Assert.That((r.Policy.Id, r.Policy.Version), Is.EqualTo(("110000", "2022-02-12")));
        Assert.That(r.Display.Label, Is.EqualTo("未见异常"));
    }

    [Test]
    public async Task Beijing_nat_must_be_negative()
    {
        await Given(Zhejiang, e => WithNat(e, "positive", sampledAgo: 2 * H));
        Assert.That((await Verify(Zhejiang, "110105", "transport")).Reasons, Is.EqualTo(new[] { ReasonCodes.NatRequired }));
    }

    [Test]
    public async Task Beijing_nat_without_sampling_time_is_not_met()
    {
        await Given(Zhejiang, e => WithNat(e, "negative", sampledAgo: null, reportedAgo: 2 * H));
        Assert.That((await Verify(Zhejiang, "110105", "transport")).Reasons, Is.EqualTo(new[] { ReasonCodes.NatRequired }));
    }

    [Test]
    public async Task Beijing_without_any_nat_is_denied_at_transport_but_not_at_hospital()
    {
        await Given(Zhejiang);
        Assert.That((await Verify(Zhejiang, "110105", "transport")).Decision, Is.EqualTo(Decision.Deny));
        Assert.That((await Verify(Zhejiang, "110105", "hospital")).Decision, Is.EqualTo(Decision.Accept));
    }

    [Test]
    public async Task Guangdong_border_needs_negative_nat_sampled_within_48h()
    {
        await Given(Zhejiang, e => WithNat(e, "negative", sampledAgo: 47 * H));
        Assert.That((await Verify(Zhejiang, "440300", "border")).Decision, Is.EqualTo(Decision.Accept));
        await Given(Zhejiang, e => WithNat(e, "negative", sampledAgo: 49 * H), sequence: 2);
        Assert.That((await Verify(Zhejiang, "440300", "border")).Reasons, Is.EqualTo(new[] { ReasonCodes.NatRequired }));
    }

    [Test]
    public async Task Guangdong_border_counts_from_report_time_when_no_sampling_time()
    {
        await Given(Guangdong, e => WithNat(e, "negative", sampledAgo: null, reportedAgo: 40 * H));
        Assert.That((await Verify(Guangdong, "440300", "border")).Decision, Is.EqualTo(Decision.Accept));
        await Given(Guangdong, e => WithNat(e, "negative", sampledAgo: null, reportedAgo: 49 * H), sequence: 2);
        Assert.That((await Verify(Guangdong, "440300", "border")).Reasons, Is.EqualTo(new[] { ReasonCodes.NatRequired }));
    }

    [Test]
    public async Task Guangdong_border_prefers_sampling_time_over_report_time()
    {
        await Given(Zhejiang, e => WithNat(e, "negative", sampledAgo: 50 * H, reportedAgo: 30 * H));
        Assert.That((await Verify(Zhejiang, "440300", "border")).Reasons, Is.EqualTo(new[] { ReasonCodes.NatRequired }));
    }

    [Test]
    public async Task Guangdong_border_denies_macau_code_older_than_6h()
    {
        await Given(Macau, e => WithNat(e, "negative", sampledAgo: 10 * H) with { StatusAt = Now - 6 * H - TimeSpan.FromSeconds(1) });
        var r = await Verify(Macau, "440400", "border");
        Assert.That((r.Decision, r.Reasons), Is.EqualTo((Decision.Deny, new[] { ReasonCodes.CodeTooOld })));
        await Given(Macau, e => WithNat(e, "negative", sampledAgo: 10 * H) with { StatusAt = Now - 5 * H }, sequence: 2);
        Assert.That((await Verify(Macau, "440400", "border")).Decision, Is.EqualTo(Decision.Accept));
    }

    [Test]
    public async Task Guangdong_border_denies_hong_kong_code_older_than_6h_but_not_other_issuers()
    {
        await Given(HongKong, e => WithNat(e, "negative", sampledAgo: 10 * H) with { StatusAt = Now - 7 * H });
        Assert.That((await Verify(HongKong, "440300", "border")).Reasons, Is.EqualTo(new[] { ReasonCodes.CodeTooOld }));
        await Given(Zhejiang, e => WithNat(e, "negative", sampledAgo: 10 * H) with { StatusAt = Now - 7 * H }, holder: "h2");
        Assert.That((await Verify(Zhejiang, "440300", "border")).Decision, Is.EqualTo(Decision.Accept));
    }

    [Test]
    public async Task Guangdong_hospital_yellow_is_manual()
    {
        await Given(Zhejiang, e => e with { Level = RiskLevel.Yellow });
        var r = await Verify(Zhejiang, "440300", "hospital");
        Assert.That((r.Decision, r.Reasons), Is.EqualTo((Decision.Manual, new[] { ReasonCodes.LevelYellow })));
        Assert.That((await Verify(Zhejiang, "440300", "venue")).Decision, Is.EqualTo(Decision.Deny));
    }

    [Test]
    public async Task Shenzhen_checkpoint_uses_Guangdong_policy()
    {
        await Given(Zhejiang);
        var r = await Verify(Zhejiang, "440300", "general");
        Assert.That((r.Policy.Id, r.Policy.Version), Is.EqualTo(("440000", "2022-06-01")));
        Assert.That(r.Display.Region, Is.EqualTo("440300"));
    }

    [Test]
    public async Task Macau_border_needs_negative_nat_sampled_within_24h()
    {
        await Given(HongKong, e => WithNat(e, "negative", sampledAgo: 23 * H));
        Assert.That((await Verify(HongKong, "820000", "border")).Decision, Is.EqualTo(Decision.Accept));
        await Given(HongKong, e => WithNat(e, "negative", sampledAgo: 25 * H), sequence: 2);
        var r = await Verify(HongKong, "820000", "border");
        Assert.That((r.Decision, r.Reasons), Is.EqualTo((Decision.Deny, new[] { ReasonCodes.NatRequired })));
        Assert.That((r.Policy.Id, r.Policy.Version), Is.EqualTo(("820000", "2022-07-23")));
        Assert.That(r.Display.Label, Is.EqualTo("綠碼"));
    }

    [Test]
    public async Task Jiangsu_transport_denies_a_risk_area_visit()
    {
        await Given(Jiangsu, e => e with { RiskAreaVisit = true, SubStatus = "trip-star" });
        var r = await Verify(Jiangsu, "320100", "transport");
        Assert.That((r.Decision, r.Reasons), Is.EqualTo((Decision.Deny, new[] { ReasonCodes.TripRiskArea })));
        Assert.That((r.Policy.Id, r.Policy.Version), Is.EqualTo(("320000", "2022-03-15")));
        Assert.That((await Verify(Jiangsu, "320100", "venue")).Decision, Is.EqualTo(Decision.Accept));
    }

    [Test]
    public async Task Jiangsu_transport_accepts_unknown_or_false_risk_area_visit()
    {
        await Given(Jiangsu, e => e with { RiskAreaVisit = null });
        Assert.That((await Verify(Jiangsu, "320100", "transport")).Decision, Is.EqualTo(Decision.Accept));
        await Given(Jiangsu, e => e with { RiskAreaVisit = false }, sequence: 2);
        Assert.That((await Verify(Jiangsu, "320100", "transport")).Decision, Is.EqualTo(Decision.Accept));
    }
}
