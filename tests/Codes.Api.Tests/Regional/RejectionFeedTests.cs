namespace HealthCode.Api.Tests.Regional;

/// <summary>GET /v1/regions/{region}/rejections: a region reads its rejections without broker access.</summary>
public sealed class RejectionFeedTests
{
    [Test]
    public async Task The_feed_pages_the_regions_rejections_oldest_first_and_next_reads_on()
    {
        using var factory = new ApiFactory(settings: ApiFactory.RoleKeys());
        var client = factory.ClientWithKey(Keys.BeijingPublisher);
        var published = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var outcome = await RegionalRequests.Json(await client.SendAsync(
                RegionalRequests.Publish("110000", Fixtures.Json(RegionalRequests.BadBeijing), 10 + i, wait: 10)), HttpStatusCode.OK);
            published.Add(outcome.GetProperty("messageId").GetString()!);
        }
        // Accepted events never reach the feed.
        await client.SendAsync(RegionalRequests.Publish("110000", Fixtures.Content("110000/green.json"), 20, wait: 10));

        var read = new List<string>();
        var sizes = new List<int>();
        var after = "";
        for (var page = 0; page < 4; page++)
        {
            var body = await RegionalRequests.Json(await client.GetAsync($"/v1/regions/110000/rejections?limit=2&after={after}"), HttpStatusCode.OK);
            var items = body.GetProperty("items").EnumerateArray().ToList();
            sizes.Add(items.Count);
            foreach (var item in items)
            {
                read.Add(item.GetProperty("messageId").GetString()!);
                Assert.That(item.GetProperty("reason").GetString(), Is.EqualTo("normalization-failed"));
                Assert.That(item.GetProperty("fields").EnumerateArray().Select(f => f.GetString()), Does.Contain("/tcbh"));
                Assert.That(item.TryGetProperty("at", out _), Is.True);
            }
            after = body.GetProperty("next").GetString()!;
        }
        Assert.That(sizes, Is.EqualTo(new[] { 2, 2, 1, 0 }));
        Assert.That(read, Is.EqualTo(published));
    }

    [TestCase("limit", "501")]
    [TestCase("limit", "0")]
    [TestCase("limit", "ten")]
    [TestCase("after", "yesterday")]
    public async Task A_bad_limit_or_cursor_is_400_naming_it(string name, string value)
    {
        using var factory = new ApiFactory();
        var response = await factory.ClientWithKey().GetAsync($"/v1/regions/110000/rejections?{name}={value}");
        var problem = await ProblemAssert.AssertProblem(response, HttpStatusCode.BadRequest, "bad-request");
        Assert.That(ProblemAssert.ErrorKeys(problem), Is.EqualTo(new[] { name }));
    }

    [Test]
    public async Task A_publisher_cannot_read_another_regions_feed()
    {
        using var factory = new ApiFactory(settings: ApiFactory.RoleKeys());
        var response = await factory.ClientWithKey(Keys.BeijingPublisher).GetAsync("/v1/regions/310000/rejections");
        await ProblemAssert.AssertProblem(response, HttpStatusCode.Forbidden, "forbidden");
    }
}
