using HealthCode.Verifier.Regional.Snapshots;
using Microsoft.Extensions.DependencyInjection;

namespace HealthCode.Api.Tests.Regional;

/// <summary>POST /v1/regions/{region}/snapshots in the embedded mode: counts, the feed, prune, and refusals.</summary>
public sealed class SnapshotTests
{
    private ApiFactory _factory = null!;
    private HttpClient _client = null!;

    [SetUp]
    public void Start()
    {
        _factory = new ApiFactory(settings: new Dictionary<string, string?>(ApiFactory.RoleKeys())
        {
            ["HealthCode:Regional:SnapshotMaxBytes"] = (1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        _client = _factory.ClientWithKey(Keys.BeijingPublisher);
    }

    [TearDown]
    public void Stop() => _factory.Dispose();

    private DateTimeOffset Now => _factory.Clock.GetUtcNow();

    private async Task Publish(string code, long sequence) =>
        Assert.That(RegionalRequests.State(await RegionalRequests.Json(await _client.SendAsync(RegionalRequests.Publish("110000",
            Fixtures.Json(SnapshotLines.Beijing(code, Now)), sequence, wait: 10)), HttpStatusCode.OK)), Is.EqualTo("applied"));

    private async Task<JsonElement> Push(IEnumerable<string> lines, string query = "")
    {
        var response = await _client.PostAsync($"/v1/regions/110000/snapshots{query}", new NdjsonContent(lines));
        var accepted = await RegionalRequests.Json(response, HttpStatusCode.Accepted);
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/v1/regions/110000/snapshots/{accepted.GetProperty("id").GetString()}"));
        return await Poll.Until(async () => await RegionalRequests.Json(await _client.GetAsync(response.Headers.Location), HttpStatusCode.OK),
            s => s.GetProperty("state").GetString() != "running", TimeSpan.FromSeconds(30));
    }

    private static Dictionary<string, long> Counts(JsonElement status) =>
        new[] { "lines", "applied", "current", "hubAhead", "rejected", "missingFromSnapshot", "revoked" }
            .ToDictionary(n => n, n => status.GetProperty(n).GetInt64());

    private async Task<string?> Decision(string code) =>
        (await RegionalRequests.Json(await _factory.ClientWithKey(Keys.Checkpoint).PostAsync("/v1/verify", Requests.Verify(code)), HttpStatusCode.OK))
            .GetProperty("decision").GetString();

    [Test]
    public async Task Each_line_counts_once_as_applied_current_hub_ahead_or_rejected_and_unlisted_codes_are_reported_not_deleted()
    {
        string a = SnapshotLines.BeijingCode(1), b = SnapshotLines.BeijingCode(2), c = SnapshotLines.BeijingCode(3), gone = SnapshotLines.BeijingCode(4);
        await Publish(a, 50);
        await Publish(b, 50);
        await Publish(gone, 50);
        _factory.Clock.Advance(TimeSpan.FromSeconds(1));

        var status = await Push([
            SnapshotLines.Line(50, SnapshotLines.Beijing(a, Now)),
            SnapshotLines.Line(10, SnapshotLines.Beijing(b, Now)),
            SnapshotLines.Line(1, SnapshotLines.Beijing(c, Now)),
            "{\"sequence\": 3, \"payload\": ",
            "",
            SnapshotLines.Line(4, RegionalRequests.BadBeijing),
        ]);

        Assert.That(status.GetProperty("state").GetString(), Is.EqualTo("done"));
        Assert.That(Counts(status), Is.EqualTo(new Dictionary<string, long>
        {
            ["lines"] = 5,
            ["applied"] = 1,
            ["current"] = 1,
            ["hubAhead"] = 1,
            ["rejected"] = 2,
            ["missingFromSnapshot"] = 1,
            ["revoked"] = 0,
        }));
        Assert.That(await Decision(gone), Is.EqualTo("accept"), "reported, never deleted");
        Assert.That(await Decision(c), Is.EqualTo("accept"), "the new code was applied through the consumer");

        var feed = await RegionalRequests.Json(await _client.GetAsync("/v1/regions/110000/rejections"), HttpStatusCode.OK);
        var lines = feed.GetProperty("items").EnumerateArray()
            .Select(i => (i.GetProperty("snapshot").GetString(), i.GetProperty("line").GetInt64(), i.GetProperty("reason").GetString()));
        var id = status.GetProperty("id").GetString();
        // Lines run a few at a time, so the feed (oldest rejection first) may list line 6 before line 4.
        Assert.That(lines, Is.EquivalentTo(new[] { (id, 4L, "malformed-line"), (id, 6L, "normalization-failed") }));
    }

    [Test]
    public async Task Prune_revokes_the_codes_the_snapshot_left_out_and_the_regions_next_event_still_applies()
    {
        string kept = SnapshotLines.BeijingCode(11), dropped = SnapshotLines.BeijingCode(12);
        await Publish(kept, 5);
        await Publish(dropped, 5);
        _factory.Clock.Advance(TimeSpan.FromSeconds(1));

        var status = await Push([SnapshotLines.Line(5, SnapshotLines.Beijing(kept, Now))], "?prune=revoke");
        Assert.That((status.GetProperty("missingFromSnapshot").GetInt64(), status.GetProperty("revoked").GetInt64(), status.GetProperty("prune").GetBoolean()),
            Is.EqualTo((1L, 1L, true)));
        Assert.That((await Decision(kept), await Decision(dropped)), Is.EqualTo(("accept", "manual")));

        await Publish(dropped, 6);
        Assert.That(await Decision(dropped), Is.EqualTo("accept"));
    }

    [Test]
    public async Task A_line_whose_code_cannot_be_read_stops_a_requested_prune()
    {
        string dropped = SnapshotLines.BeijingCode(21);
        await Publish(dropped, 5);
        _factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var status = await Push(["not json"], "?prune=revoke");
        Assert.That((status.GetProperty("missingFromSnapshot").GetInt64(), status.GetProperty("revoked").GetInt64(), status.GetProperty("pruneSkipped").GetString()),
            Is.EqualTo((1L, 0L, "unreadable-lines")));
        Assert.That(await Decision(dropped), Is.EqualTo("accept"));
    }

    [Test]
    public async Task An_empty_snapshot_never_prunes()
    {
        await Publish(SnapshotLines.BeijingCode(31), 5);
        _factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var status = await Push([], "?prune=revoke");
        Assert.That((status.GetProperty("lines").GetInt64(), status.GetProperty("revoked").GetInt64(), status.GetProperty("pruneSkipped").GetString()),
            Is.EqualTo((0L, 0L, "empty-snapshot")));
        Assert.That(await Decision(SnapshotLines.BeijingCode(31)), Is.EqualTo("accept"));
    }

    [Test]
    public async Task A_second_snapshot_while_one_runs_is_409()
    {
        var store = _factory.Services.GetRequiredService<ISnapshotStore>();
        Assert.That(await store.TryLockAsync("110000", "running-one", TimeSpan.FromMinutes(1)), Is.True);
        var response = await _client.PostAsync("/v1/regions/110000/snapshots", new NdjsonContent(["{}"]));
        await ProblemAssert.AssertProblem(response, HttpStatusCode.Conflict, "conflict");
        await store.UnlockAsync("110000", "running-one");
        Assert.That((await _client.PostAsync("/v1/regions/110000/snapshots", new NdjsonContent(["{}"]))).StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
    }

    [Test]
    public async Task A_body_over_the_limit_is_413_declared_or_streamed_and_frees_the_region()
    {
        var declared = new ByteArrayContent(new byte[1024 * 1024 + 1]);
        declared.Headers.TryAddWithoutValidation("Content-Type", "application/x-ndjson");
        await ProblemAssert.AssertProblem(await _client.PostAsync("/v1/regions/110000/snapshots", declared), HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
        var streamed = new NdjsonContent(Enumerable.Repeat(new string(' ', 1023), 1025));
        await ProblemAssert.AssertProblem(await _client.PostAsync("/v1/regions/110000/snapshots", streamed), HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
        Assert.That((await _client.PostAsync("/v1/regions/110000/snapshots", new NdjsonContent(["{}"]))).StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
    }

    [Test]
    public async Task A_body_that_is_not_ndjson_is_415_and_an_unknown_prune_is_400()
    {
        await ProblemAssert.AssertProblem(await _client.PostAsync("/v1/regions/110000/snapshots", Fixtures.Json("{}")),
            HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        var problem = await ProblemAssert.AssertProblem(await _client.PostAsync("/v1/regions/110000/snapshots?prune=delete", new NdjsonContent(["{}"])),
            HttpStatusCode.BadRequest, "bad-request");
        Assert.That(ProblemAssert.ErrorKeys(problem), Is.EqualTo(new[] { "prune" }));
    }

    [Test]
    public async Task An_unknown_snapshot_is_404_and_another_regions_is_refused()
    {
        await ProblemAssert.AssertProblem(await _client.GetAsync("/v1/regions/110000/snapshots/nope"), HttpStatusCode.NotFound, "not-found");
        await ProblemAssert.AssertProblem(await _client.GetAsync("/v1/regions/310000/snapshots/nope"), HttpStatusCode.Forbidden, "forbidden");
        await ProblemAssert.AssertProblem(await _client.PostAsync("/v1/regions/310000/snapshots", new NdjsonContent(["{}"])), HttpStatusCode.Forbidden, "forbidden");
    }
}
