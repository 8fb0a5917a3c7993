using System.Text.Json.Nodes;
using static HealthCode.Api.Tests.DryRun.DryRunRequests;

namespace HealthCode.Api.Tests.DryRun;

public sealed class RegionSamplesTests : DevelopmentHostTests
{
    public static IEnumerable<string> Regions() => Fixtures.All().Select(Fixtures.Region).Distinct();

    [TestCaseSource(nameof(Regions))]
    public async Task Every_regions_shipped_samples_are_listed_and_normalize_in_a_dry_run(string region)
    {
        var samples = await Client.GetFromJsonAsync<JsonElement>($"/v1/regions/{region}/samples");

        var names = samples.EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();
        Assert.That(names, Is.EqualTo(Fixtures.All().Where(f => Fixtures.Region(f) == region).Select(f => Path.GetFileNameWithoutExtension(f))));
        var request = ForRegion(region, samples.EnumerateArray().Select(s => JsonNode.Parse(s.GetRawText())!.AsObject()).ToArray());
        var summary = (await RunAsync(Client, request)).GetProperty("summary");
        Assert.That(summary.GetProperty("normalized").GetInt32(), Is.EqualTo(names.Count));
    }

    [Test]
    public async Task A_listed_sample_carries_its_content_type_and_a_status_time_of_now()
    {
        var sample = (await Client.GetFromJsonAsync<JsonElement>("/v1/regions/110000/samples"))[0];
        Assert.That(sample.GetProperty("contentType").GetString(), Is.EqualTo("application/json"));

        var request = ForRegion("110000", JsonNode.Parse(sample.GetRawText())!.AsObject());
        var record = OnlySample(await RunAsync(Client, request)).GetProperty("record");

        // Like the embedded seeding: the shipped status time is replaced by the present (to the second).
        var statusAt = record.GetProperty("code").GetProperty("statusAt").GetDateTimeOffset();
        Assert.That(statusAt, Is.EqualTo(Factory.Clock.GetUtcNow()).Within(TimeSpan.FromSeconds(1)));
    }

    [Test]
    public async Task Xml_samples_are_listed_as_xml()
    {
        var sample = (await Client.GetFromJsonAsync<JsonElement>("/v1/regions/610000/samples"))[0];
        Assert.That(sample.GetProperty("contentType").GetString(), Is.EqualTo("application/xml"));
        Assert.That(sample.GetProperty("body").GetString(), Does.StartWith("<?xml"));
    }

    [TestCase("/v1/regions/999999/samples")]
    [TestCase("/v1/regions/999999/profile")]
    [TestCase("/v1/regions/..%2F..%2Fschemas/samples")]
    public async Task An_unknown_region_is_404(string path)
    {
        await ProblemAssert.AssertProblem(await Client.GetAsync(path), HttpStatusCode.NotFound, "unknown-region");
    }

    [Test]
    public async Task The_active_profile_is_served_as_json_that_runs_as_a_draft()
    {
        var profile = (await Client.GetFromJsonAsync<JsonNode>("/v1/regions/610000/profile"))!.AsObject();
        Assert.That(profile["id"]!.GetValue<string>(), Is.EqualTo("610000"));
        Assert.That(profile["xmlRoot"]!.GetValue<string>(), Is.EqualTo("HealthCode"));

        var sample = Sample("610000/green.xml");
        sample["expected"] = Expected("610000/green.xml");
        var answer = await RunAsync(Client, ForDraft(profile, sample));

        Assert.That(answer.GetProperty("profileErrors").GetArrayLength(), Is.Zero, answer.ToString());
        Assert.That(answer.GetProperty("summary").GetProperty("mismatched").GetInt32(), Is.Zero, answer.ToString());
    }
}
