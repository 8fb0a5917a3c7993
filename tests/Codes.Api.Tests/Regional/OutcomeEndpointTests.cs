namespace HealthCode.Api.Tests.Regional;

/// <summary>GET /v1/regions/{region}/status-events/{messageId}, and what an HTTP publish answers about it.</summary>
public sealed class OutcomeEndpointTests
{
    private ApiFactory _factory = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _factory = new ApiFactory(settings: ApiFactory.RoleKeys());
        _client = _factory.ClientWithKey(Keys.Admin);
    }

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    // Tests share the seeded Beijing code: each takes its own, ever higher sequences.
    private static long _sequence = 100;
    private static long Next() => Interlocked.Increment(ref _sequence);

    [Test]
    public async Task A_publish_answers_202_with_a_Location_that_answers_at_once_and_then_says_applied()
    {
        var response = await _client.SendAsync(RegionalRequests.Publish("110000", Fixtures.Content("110000/green.json"), Next()));
        var accepted = await RegionalRequests.Json(response, HttpStatusCode.Accepted);
        var id = accepted.GetProperty("messageId").GetString();
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/v1/regions/110000/status-events/{id}"));

        var first = await _client.GetAsync(response.Headers.Location);
        Assert.That(RegionalRequests.State(await RegionalRequests.Json(first, HttpStatusCode.OK)), Is.AnyOf("pending", "applied"));
        var decided = await Poll.Until(async () => RegionalRequests.State(await RegionalRequests.Json(await _client.GetAsync(response.Headers.Location), HttpStatusCode.OK)),
            s => s != "pending");
        Assert.That(decided, Is.EqualTo("applied"));
    }

    [Test]
    public async Task With_wait_a_publish_answers_200_once_decided_applied_then_duplicate_then_superseded()
    {
        var sequence = Next();
        var applied = await RegionalRequests.Json(await _client.SendAsync(RegionalRequests.Publish("110000", Fixtures.Content("110000/green.json"), sequence, wait: 10)), HttpStatusCode.OK);
        var duplicate = await RegionalRequests.Json(await _client.SendAsync(RegionalRequests.Publish("110000", Fixtures.Content("110000/green.json"), sequence, wait: 10)), HttpStatusCode.OK);
        var superseded = await RegionalRequests.Json(await _client.SendAsync(RegionalRequests.Publish("110000", Fixtures.Content("110000/green.json"), 2, wait: 10)), HttpStatusCode.OK);
        Assert.That(new[] { applied, duplicate, superseded }.Select(RegionalRequests.State), Is.EqualTo(new[] { "applied", "duplicate", "superseded" }));
        Assert.That(applied.GetProperty("sequence").GetInt64(), Is.EqualTo(sequence));
        Assert.That(applied.GetProperty("decidedAt").GetDateTimeOffset(), Is.GreaterThanOrEqualTo(applied.GetProperty("receivedAt").GetDateTimeOffset()));
    }

    [Test]
    public async Task A_payload_the_consumer_refuses_is_rejected_naming_the_native_field_and_nothing_personal()
    {
        var response = await _client.SendAsync(RegionalRequests.Publish("110000", Fixtures.Json(RegionalRequests.BadBeijing), Next(), wait: 10));
        var text = await response.Content.ReadAsStringAsync();
        var outcome = await RegionalRequests.Json(response, HttpStatusCode.OK);
        Assert.That(RegionalRequests.State(outcome), Is.EqualTo("rejected"));
        Assert.That(outcome.GetProperty("reason").GetString(), Is.EqualTo("normalization-failed"));
        Assert.That(outcome.GetProperty("fields").EnumerateArray().Select(f => f.GetString()), Does.Contain("/tcbh"));
        Assert.That(text, Does.Not.Contain("王芳").And.Not.Contain("110105196810098194"));
    }

    [Test]
    public async Task The_publishers_own_message_id_names_the_event()
    {
        var id = "bj-" + Guid.NewGuid().ToString("N");
        var response = await _client.SendAsync(RegionalRequests.Publish("110000", Fixtures.Content("110000/green.json"), Next(), messageId: id));
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/v1/regions/110000/status-events/{id}"));
        var outcome = await RegionalRequests.Json(await _client.GetAsync($"/v1/regions/110000/status-events/{id}"), HttpStatusCode.OK);
        Assert.That(outcome.GetProperty("messageId").GetString(), Is.EqualTo(id));
    }

    [TestCase("X-HC-Message-Id", "has space")]
    [TestCase("wait", "11")]
    [TestCase("wait", "-1")]
    [TestCase("wait", "soon")]
    public async Task A_bad_message_id_or_wait_is_400_naming_it(string field, string value)
    {
        var request = RegionalRequests.Publish("110000", Fixtures.Content("110000/green.json"), Next());
        if (field == "wait") request.RequestUri = new Uri($"{request.RequestUri}?wait={Uri.EscapeDataString(value)}", UriKind.Relative);
        else request.Headers.Add(field, value);
        var problem = await ProblemAssert.AssertProblem(await _client.SendAsync(request), HttpStatusCode.BadRequest, "bad-request");
        Assert.That(ProblemAssert.ErrorKeys(problem), Is.EqualTo(new[] { field }));
    }

    [Test]
    public async Task An_unknown_message_id_is_404() =>
        await ProblemAssert.AssertProblem(await _client.GetAsync("/v1/regions/110000/status-events/never-published"), HttpStatusCode.NotFound, "not-found");

    [Test]
    public async Task Another_regions_message_id_is_404_and_another_regions_path_is_refused_to_a_publisher()
    {
        var shanghai = await RegionalRequests.Json(await _client.SendAsync(
            RegionalRequests.Publish("310000", Fixtures.Content("310000/green.json"), Next(), wait: 10)), HttpStatusCode.OK);
        var shanghaiId = shanghai.GetProperty("messageId").GetString();
        var beijing = await RegionalRequests.Json(await _client.SendAsync(
            RegionalRequests.Publish("110000", Fixtures.Content("110000/green.json"), Next(), wait: 10)), HttpStatusCode.OK);
        var beijingId = beijing.GetProperty("messageId").GetString();

        // Even an admin finds an id only under its own region.
        await ProblemAssert.AssertProblem(await _client.GetAsync($"/v1/regions/310000/status-events/{beijingId}"), HttpStatusCode.NotFound, "not-found");
        var publisher = _factory.ClientWithKey(Keys.BeijingPublisher);
        await ProblemAssert.AssertProblem(await publisher.GetAsync($"/v1/regions/110000/status-events/{shanghaiId}"), HttpStatusCode.NotFound, "not-found");
        await ProblemAssert.AssertProblem(await publisher.GetAsync($"/v1/regions/310000/status-events/{shanghaiId}"), HttpStatusCode.Forbidden, "forbidden");
        Assert.That((await publisher.GetAsync($"/v1/regions/110000/status-events/{beijingId}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_checkpoint_key_cannot_read_outcomes()
    {
        var checkpoint = _factory.ClientWithKey(Keys.Checkpoint);
        await ProblemAssert.AssertProblem(await checkpoint.GetAsync("/v1/regions/110000/status-events/any"), HttpStatusCode.Forbidden, "forbidden");
    }
}
