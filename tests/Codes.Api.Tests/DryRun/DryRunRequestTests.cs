using System.Text.Json.Nodes;
using static HealthCode.Api.Tests.DryRun.DryRunRequests;

namespace HealthCode.Api.Tests.DryRun;

/// <summary>What is wrong with the request itself is a 4xx problem naming the field (in memory; the Kestrel limits are in DryRunKestrelTests).</summary>
public sealed class DryRunRequestTests : DevelopmentHostTests
{
    private async Task<JsonElement> AssertBadRequest(JsonObject request, string type, params string[] fields)
    {
        var problem = await ProblemAssert.AssertProblem(await Client.PostAsync(Endpoint, Content(request)), HttpStatusCode.BadRequest, type);
        Assert.That(ProblemAssert.ErrorKeys(problem), Is.EquivalentTo(fields));
        return problem;
    }

    [Test]
    public async Task Two_hundred_samples_are_allowed()
    {
        var answer = await RunAsync(Client, ForRegion("110000", Enumerable.Range(0, 200).Select(_ => Sample("110000/green.json")).ToArray()));

        Assert.That(answer.GetProperty("summary").GetProperty("normalized").GetInt32(), Is.EqualTo(200));
    }

    [Test]
    public async Task Two_hundred_and_one_samples_are_400_naming_samples()
    {
        await AssertBadRequest(ForRegion("110000", Enumerable.Range(0, 201).Select(_ => Sample("110000/green.json")).ToArray()), "bad-request", "samples");
    }

    [Test]
    public async Task Region_and_profile_together_are_400()
    {
        var request = ForRegion("110000", Sample("110000/green.json"));
        request["profile"] = Profile("110000");
        await AssertBadRequest(request, "bad-request", "profile");
    }

    [Test]
    public async Task Neither_region_nor_profile_is_400_naming_region()
    {
        await AssertBadRequest(new JsonObject { ["samples"] = new JsonArray(Sample("110000/green.json")) }, "bad-request", "region");
    }

    [Test]
    public async Task An_unknown_region_is_400_naming_region()
    {
        await AssertBadRequest(ForRegion("999999", Sample("110000/green.json")), "bad-request", "region");
    }

    [Test]
    public async Task Missing_samples_and_sample_fields_are_400_naming_each()
    {
        await AssertBadRequest(new JsonObject { ["region"] = "110000" }, "bad-request", "samples");
        var request = ForRegion("110000", new JsonObject { ["name"] = "x" }, new JsonObject { ["contentType"] = "application/json", ["body"] = "{}" });
        await AssertBadRequest(request, "bad-request", "samples[0].contentType", "samples[0].body", "samples[1].name");
    }

    [TestCase("yesterday")]
    [TestCase("2022-05-08T08:00:00")]
    public async Task An_at_that_is_not_a_time_with_an_offset_is_400_naming_it(string at)
    {
        var sample = Sample("110000/green.json");
        sample["at"] = at;
        await AssertBadRequest(ForRegion("110000", sample), "bad-request", "samples[0].at");
    }

    [Test]
    public async Task Json_of_the_wrong_shape_is_400_malformed_naming_the_field()
    {
        var request = ForRegion("110000", Sample("110000/green.json"));
        request["samples"]![0]!["checkpoint"] = 42;
        await AssertBadRequest(request, "malformed", "samples[0].checkpoint");
    }

    [Test]
    public async Task Broken_json_is_400_malformed_without_echoing_the_body()
    {
        var response = await Client.PostAsync(Endpoint, Fixtures.Json("""{"region": "110000", "samples": [{"name": "张伟的码" """));
        var problem = await ProblemAssert.AssertProblem(response, HttpStatusCode.BadRequest, "malformed");
        Assert.That(problem.ToString(), Does.Not.Contain("张伟"));
    }

    [Test]
    public async Task A_body_that_is_not_json_is_415()
    {
        var response = await Client.PostAsync(Endpoint, Fixtures.Body("region=110000"u8.ToArray(), "application/x-www-form-urlencoded"));
        await ProblemAssert.AssertProblem(response, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
    }

    [Test]
    public async Task A_body_over_1_MiB_is_413_even_without_kestrel()
    {
        var request = ForRegion("110000", Sample("110000/green.json", new string(' ', 1024 * 1024)));
        var response = await Client.PostAsync(Endpoint, Content(request));
        await ProblemAssert.AssertProblem(response, HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
    }
}
