using HealthCode.Verifier.Verification;

namespace HealthCode.Verifier.Tests.Verification;

/// <summary>What a verify request must be: <see cref="VerifyRequestRules"/> is its one owner, reached through VerifyAsync.</summary>
public sealed class RequestTests : VerificationFixture
{
    private async Task<VerifyOutcome> Outcome(string code, CheckpointInfo? checkpoint, string? issuer = null) =>
        await Service.VerifyAsync(new VerifyRequest(code, checkpoint, issuer));

    private async Task<VerifyProblem> Unprocessable(string code, string region = "330100", string scene = "general", string? issuer = null)
    {
        var outcome = await Outcome(code, new CheckpointInfo(region, scene, null), issuer);
        Assert.That((outcome.IsRefused, outcome.IsUnprocessable), Is.EqualTo((true, true)), () => string.Join("; ", outcome.Problems));
        return outcome.Problems.Single();
    }

    private async Task<IReadOnlyList<VerifyProblem>> Invalid(string code, CheckpointInfo? checkpoint, string? issuer = null)
    {
        var outcome = await Outcome(code, checkpoint, issuer);
        Assert.That((outcome.IsRefused, outcome.IsInvalid), Is.EqualTo((true, true)), () => $"decided {outcome.Response?.Decision}");
        return outcome.Problems;
    }

    [Test]
    public async Task Issuer_is_detected_from_the_code_pattern()
    {
        await Given(Beijing);
        Assert.That((await Verify(Beijing)).Issuer, Is.EqualTo("110000"));
    }

    [Test]
    public async Task Code_matching_no_pattern_is_unprocessable() =>
        Assert.That((await Unprocessable("XX-123")).Code, Is.EqualTo(VerifyProblemCodes.IssuerNotDetected));

    [Test]
    public async Task Code_matching_several_patterns_is_unprocessable() =>
        Assert.That((await Unprocessable("ZJ9123456789ABCDEFGH")).Code, Is.EqualTo(VerifyProblemCodes.IssuerAmbiguous));

    [Test]
    public async Task Explicit_issuer_resolves_an_ambiguous_code()
    {
        var r = await Verify("ZJ9123456789ABCDEFGH", issuer: "330000");
        Assert.That((r.Issuer, r.Reasons), Is.EqualTo(("330000", new[] { ReasonCodes.UnknownCode })));
    }

    [Test]
    public async Task Explicit_issuer_must_be_loaded_and_match_the_code()
    {
        Assert.That((await Unprocessable(Zhejiang, issuer: "123400")).Code, Is.EqualTo(VerifyProblemCodes.IssuerUnknown));
        Assert.That((await Unprocessable(Zhejiang, issuer: "110000")).Code, Is.EqualTo(VerifyProblemCodes.CodeIssuerMismatch));
    }

    [TestCase("", "general", VerifyProblemCodes.CodeMissing, "code")]
    [TestCase("   ", "general", VerifyProblemCodes.CodeMissing, "code")]
    [TestCase(Zhejiang, "airport", VerifyProblemCodes.SceneInvalid, "checkpoint.scene")]
    [TestCase(Zhejiang, "", VerifyProblemCodes.SceneInvalid, "checkpoint.scene")]
    public async Task Request_of_the_wrong_shape_is_invalid_naming_the_field(string code, string scene, string problem, string field)
    {
        var p = (await Invalid(code, new CheckpointInfo("330100", scene, null))).Single();
        Assert.That((p.Code, p.Field), Is.EqualTo((problem, field)));
    }

    [Test]
    public async Task Code_longer_than_the_limit_is_invalid() =>
        Assert.That((await Invalid(new string('Z', VerifyRequestRules.MaxCodeLength + 1), new CheckpointInfo("330100", "general", null))).Single().Code,
            Is.EqualTo(VerifyProblemCodes.CodeTooLong));

    [Test]
    public async Task Missing_checkpoint_is_invalid() =>
        Assert.That((await Invalid(Zhejiang, null)).Single().Field, Is.EqualTo("checkpoint"));

    [Test]
    public async Task Checkpoint_id_longer_than_the_limit_is_invalid() =>
        Assert.That((await Invalid(Zhejiang, new CheckpointInfo("330100", "general", new string('g', 129)))).Single().Code,
            Is.EqualTo(VerifyProblemCodes.CheckpointIdTooLong));

    [Test]
    public async Task Malformed_issuer_is_invalid_not_unknown() =>
        Assert.That((await Invalid(Zhejiang, new CheckpointInfo("330100", "general", null), issuer: "33000")).Single().Code,
            Is.EqualTo(VerifyProblemCodes.IssuerInvalid));

    [Test]
    public async Task Every_field_problem_is_named_at_once()
    {
        var problems = await Invalid("", new CheckpointInfo("120101", "airport", null));
        Assert.That(problems.Select(p => p.Field), Is.EqualTo(new[] { "code", "checkpoint.region", "checkpoint.scene" }));
    }

    // Fail closed: a place no loaded province covers has no policy and no vocabulary of its own, so it is refused rather
    // than judged by the default policy — even for a green code the store holds.
    [TestCase("120101")]
    [TestCase("310115")]
    [TestCase("44")]
    [TestCase("4403001")]
    [TestCase("44030a")]
    [TestCase("４４０３００")]
    public async Task Checkpoint_region_outside_every_known_province_is_invalid_never_decided(string region)
    {
        await Given(Zhejiang);
        var p = (await Invalid(Zhejiang, new CheckpointInfo(region, "general", null))).Single();
        Assert.That((p.Code, p.Field), Is.EqualTo((VerifyProblemCodes.RegionInvalid, "checkpoint.region")));
    }

    [TestCase("000000")]
    [TestCase("440300")]
    [TestCase("449999")]
    public async Task Checkpoint_region_in_a_known_province_or_the_nation_is_decided(string region)
    {
        await Given(Zhejiang);
        Assert.That((await Verify(Zhejiang, region)).Display.Region, Is.EqualTo(region));
    }

    [TestCase("110105", "未见异常")]
    [TestCase("820000", "綠碼")]
    [TestCase("000000", "绿码")]
    public async Task Label_is_in_the_checkpoint_regions_vocabulary_falling_back_to_province_then_national(string region, string label)
    {
        await Given(Zhejiang);
        Assert.That((await Verify(Zhejiang, region)).Display.Label, Is.EqualTo(label));
    }
}
