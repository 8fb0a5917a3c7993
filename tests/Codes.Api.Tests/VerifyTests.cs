namespace HealthCode.Api.Tests;

public sealed class VerifyTests : DevelopmentHostTests
{
    [Test]
    public async Task A_seeded_green_code_is_accepted_with_masked_holder_and_policy()
    {
        var response = await Client.PostAsync("/v1/verify", Requests.Verify(Fixtures.BeijingGreenCode));
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        var body = JsonDocument.Parse(text).RootElement;

        Assert.That(body.GetProperty("decision").GetString(), Is.EqualTo("accept"), text);
        Assert.That(body.GetProperty("level").GetString(), Is.EqualTo("green"));
        Assert.That(body.GetProperty("issuer").GetString(), Is.EqualTo("110000"));
        Assert.That(body.GetProperty("holder").GetProperty("maskedName").GetString(), Is.EqualTo("张*"));
        Assert.That(body.GetProperty("holder").GetProperty("maskedDocument").GetString(), Is.EqualTo("1101**********1564"));
        Assert.That(body.GetProperty("policy").GetProperty("id").GetString(), Is.EqualTo("110000"));
        Assert.That(body.GetProperty("policy").GetProperty("version").GetString(), Is.Not.Empty);
        Assert.That(body.GetProperty("checkedAt").GetString(), Does.EndWith("Z"));
        Assert.That(text, Does.Not.Contain("张伟").And.Not.Contain("110105196708081564"), "never a full name or document number");
    }

    [Test]
    public async Task A_seeded_status_goes_stale_and_then_needs_a_manual_check()
    {
        using var factory = new ApiFactory();
        var client = factory.ClientWithKey();
        factory.Clock.Advance(TimeSpan.FromHours(25));
        var body = await (await client.PostAsync("/v1/verify", Requests.Verify(Fixtures.BeijingGreenCode))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(body.GetProperty("decision").GetString(), Is.EqualTo("manual"));
        Assert.That(body.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()), Does.Contain("stale-status"));
    }

    [Test]
    public async Task An_unknown_code_of_a_known_issuer_is_manual()
    {
        var body = await (await Client.PostAsync("/v1/verify", Requests.Verify("BJ-00000000000000000000"))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(body.GetProperty("decision").GetString(), Is.EqualTo("manual"));
        Assert.That(body.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()), Is.EqualTo(new[] { "unknown-code" }));
    }

    [Test]
    public async Task A_code_no_region_claims_is_422()
    {
        var problem = await ProblemAssert.AssertProblem(await Client.PostAsync("/v1/verify", Requests.Verify("not a health code")),
            HttpStatusCode.UnprocessableEntity, "unprocessable-code");
        Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("issuer-not-detected"));
        Assert.That(ProblemAssert.ErrorKeys(problem), Is.EqualTo(new[] { "code" }));
    }

    [TestCase("", "110105", "general", "code")]
    [TestCase("BJ-EBD659B33BC0AF834476", "1101", "general", "checkpoint.region")]
    [TestCase("BJ-EBD659B33BC0AF834476", "110105", "disco", "checkpoint.scene")]
    public async Task A_request_of_the_wrong_shape_is_400_naming_the_field(string code, string region, string scene, string field)
    {
        var problem = await ProblemAssert.AssertProblem(await Client.PostAsync("/v1/verify", Requests.Verify(code, region, scene)),
            HttpStatusCode.BadRequest, "bad-request");
        Assert.That(ProblemAssert.ErrorKeys(problem), Is.EqualTo(new[] { field }));
    }

    // Fail closed: a place no loaded province covers has no policy and no vocabulary, so it gets no decision at all.
    [TestCase("999999")]
    [TestCase("120101")]
    public async Task A_checkpoint_region_no_known_province_covers_is_400_naming_checkpoint_region(string region)
    {
        var problem = await ProblemAssert.AssertProblem(await Client.PostAsync("/v1/verify", Requests.Verify(Fixtures.BeijingGreenCode, region)),
            HttpStatusCode.BadRequest, "bad-request");
        Assert.That(ProblemAssert.ErrorKeys(problem), Is.EqualTo(new[] { "checkpoint.region" }));
    }

    [Test]
    public async Task A_code_over_512_characters_is_400()
    {
        var problem = await ProblemAssert.AssertProblem(await Client.PostAsync("/v1/verify", Requests.Verify(new string('A', 513))),
            HttpStatusCode.BadRequest, "bad-request");
        Assert.That(ProblemAssert.ErrorKeys(problem), Is.EqualTo(new[] { "code" }));
    }

    [TestCase("{\"code\": ")]
    [TestCase("[]")]
    [TestCase("")]
    public async Task An_unreadable_body_is_400_not_500(string json)
    {
        await ProblemAssert.AssertProblem(await Client.PostAsync("/v1/verify", Fixtures.Json(json)), HttpStatusCode.BadRequest, "malformed");
    }
}
