using HealthCode.Verifier.Verification;

namespace HealthCode.Verifier.Tests.Verification;

public sealed class RequestTests : VerificationFixture
{
    private async Task<VerifyProblem> Problem(string code, string region = "330100", string scene = "general", string? issuer = null)
    {
        var outcome = await Service.VerifyAsync(new VerifyRequest(code, new CheckpointInfo(region, scene, null), issuer));
        Assert.That(outcome.IsUnprocessable, Is.True);
        return outcome.Problem!;
    }

    [Test]
    public async Task Issuer_is_detected_from_the_code_pattern()
    {
        await Given(Beijing);
        Assert.That((await Verify(Beijing)).Issuer, Is.EqualTo("110000"));
    }

    [Test]
    public async Task Code_matching_no_pattern_is_unprocessable() =>
        Assert.That((await Problem("XX-123")).Code, Is.EqualTo(VerifyProblemCodes.IssuerNotDetected));

    [Test]
    public async Task Code_matching_several_patterns_is_unprocessable() =>
        Assert.That((await Problem("ZJ9123456789ABCDEFGH")).Code, Is.EqualTo(VerifyProblemCodes.IssuerAmbiguous));

    [Test]
    public async Task Explicit_issuer_resolves_an_ambiguous_code()
    {
        var r = await Verify("ZJ9123456789ABCDEFGH", issuer: "330000");
        Assert.That((r.Issuer, r.Reasons), Is.EqualTo(("330000", new[] { ReasonCodes.UnknownCode })));
    }

    [Test]
    public async Task Explicit_issuer_must_be_loaded_and_match_the_code()
    {
        Assert.That((await Problem(Zhejiang, issuer: "123400")).Code, Is.EqualTo(VerifyProblemCodes.IssuerUnknown));
        Assert.That((await Problem(Zhejiang, issuer: "110000")).Code, Is.EqualTo(VerifyProblemCodes.CodeIssuerMismatch));
    }

    [TestCase("", "general", VerifyProblemCodes.CodeMissing, "code")]
    [TestCase(Zhejiang, "airport", VerifyProblemCodes.SceneInvalid, "checkpoint.scene")]
    public async Task Bad_request_fields_are_named(string code, string scene, string problem, string field)
    {
        var p = await Problem(code, scene: scene);
        Assert.That((p.Code, p.Field), Is.EqualTo((problem, field)));
    }

    [Test]
    public async Task Bad_checkpoint_region_is_unprocessable() =>
        Assert.That((await Problem(Zhejiang, region: "44")).Field, Is.EqualTo("checkpoint.region"));

    [TestCase("110105", "未见异常")]
    [TestCase("820000", "綠碼")]
    [TestCase("310115", "绿码")]
    public async Task Label_is_in_the_checkpoint_regions_vocabulary_falling_back_to_province_then_national(string region, string label)
    {
        await Given(Zhejiang);
        Assert.That((await Verify(Zhejiang, region)).Display.Label, Is.EqualTo(label));
    }
}
