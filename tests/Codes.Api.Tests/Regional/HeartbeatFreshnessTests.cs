using HealthCode.Translator.Profiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HealthCode.Api.Tests.Regional;

/// <summary>
/// Beijing declares maxSilence PT10M here. POST /v1/regions/{region}/heartbeat keeps verify deciding; past the budget
/// verify answers manual (issuer-silent); GET /v1/regions/{region}/freshness says so. The clock is moved by hand.
/// </summary>
public sealed class HeartbeatFreshnessTests
{
    private static readonly Lazy<RegionCatalog> Catalog = new(() => SilentRegions.With(new Dictionary<string, string> { ["110000"] = "PT10M" }));
    private ApiFactory _factory = null!;
    private HttpClient _client = null!;

    [SetUp]
    public void Start()
    {
        _factory = new ApiFactory(settings: ApiFactory.RoleKeys())
        {
            ExtraServices = s => s.Replace(ServiceDescriptor.Singleton<IRegionCatalog>(Catalog.Value)),
        };
        _client = _factory.ClientWithKey(Keys.Admin);
    }

    [TearDown]
    public void Stop() => _factory.Dispose();

    private async Task<JsonElement> Verify() =>
        await RegionalRequests.Json(await _client.PostAsync("/v1/verify", Requests.Verify(Fixtures.BeijingGreenCode)), HttpStatusCode.OK);

    private static IEnumerable<string?> Reasons(JsonElement verify) => verify.GetProperty("reasons").EnumerateArray().Select(r => r.GetString());

    private async Task<string?> Beat(long sequence) =>
        RegionalRequests.State(await RegionalRequests.Json(await _client.SendAsync(RegionalRequests.Heartbeat("110000", sequence, wait: 10)), HttpStatusCode.OK));

    private async Task<JsonElement> Freshness(string region = "110000") =>
        await RegionalRequests.Json(await _client.GetAsync($"/v1/regions/{region}/freshness"), HttpStatusCode.OK);

    [Test]
    public async Task A_heartbeat_budget_expiring_turns_verify_manual_with_issuer_silent_and_a_new_heartbeat_recovers_it()
    {
        var never = await Verify();
        Assert.That((never.GetProperty("decision").GetString(), Reasons(never)), Is.EqualTo(("manual", new[] { "issuer-silent" })));

        Assert.That(await Beat(1), Is.EqualTo("applied"));
        Assert.That((await Verify()).GetProperty("decision").GetString(), Is.EqualTo("accept"));
        var fresh = await Freshness();
        Assert.That((fresh.GetProperty("silent").GetBoolean(), fresh.GetProperty("maxSilence").GetString()), Is.EqualTo((false, "PT10M")));
        Assert.That(fresh.GetProperty("lastHeartbeatAt").GetDateTimeOffset(), Is.EqualTo(_factory.Clock.GetUtcNow()).Within(TimeSpan.FromMilliseconds(1)));

        _factory.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        var silent = await Verify();
        Assert.That((silent.GetProperty("decision").GetString(), Reasons(silent)), Is.EqualTo(("manual", new[] { "issuer-silent" })));
        Assert.That((await Freshness()).GetProperty("silent").GetBoolean(), Is.True);

        Assert.That(await Beat(1), Is.EqualTo("duplicate"), "a replayed heartbeat proves nothing");
        Assert.That((await Verify()).GetProperty("decision").GetString(), Is.EqualTo("manual"));

        Assert.That(await Beat(2), Is.EqualTo("applied"));
        Assert.That((await Verify()).GetProperty("decision").GetString(), Is.EqualTo("accept"));
    }

    [Test]
    public async Task A_status_event_is_a_sign_of_life_too_and_its_lag_is_reported()
    {
        var applied = await RegionalRequests.Json(await _client.SendAsync(
            RegionalRequests.Publish("110000", Fixtures.Content("110000/green.json"), 7, wait: 10)), HttpStatusCode.OK);
        Assert.That(RegionalRequests.State(applied), Is.EqualTo("applied"));
        var fresh = await Freshness();
        Assert.That((fresh.GetProperty("silent").GetBoolean(), fresh.TryGetProperty("lastEventAt", out _)), Is.EqualTo((false, true)));
        var lag = fresh.GetProperty("lag");
        Assert.That((lag.GetProperty("samples").GetInt32(), lag.GetProperty("windowSeconds").GetInt32()), Is.EqualTo((1, 300)));
        Assert.That(lag.GetProperty("p50Ms").GetInt64(), Is.GreaterThanOrEqualTo(0));
    }

    [Test]
    public async Task A_region_without_a_budget_is_never_silent()
    {
        var fresh = await Freshness("310000");
        Assert.That((fresh.GetProperty("silent").GetBoolean(), fresh.TryGetProperty("maxSilence", out _)), Is.EqualTo((false, false)));
    }

    [Test]
    public async Task A_heartbeat_needs_a_sequence_and_the_regions_own_publisher()
    {
        var unsequenced = new HttpRequestMessage(HttpMethod.Post, "/v1/regions/110000/heartbeat");
        var problem = await ProblemAssert.AssertProblem(await _client.SendAsync(unsequenced), HttpStatusCode.BadRequest, "bad-request");
        Assert.That(ProblemAssert.ErrorKeys(problem), Is.EqualTo(new[] { "X-HC-Sequence" }));
        var beijing = _factory.ClientWithKey(Keys.BeijingPublisher);
        await ProblemAssert.AssertProblem(await beijing.SendAsync(RegionalRequests.Heartbeat("310000", 1)), HttpStatusCode.Forbidden, "forbidden");
        Assert.That((await beijing.SendAsync(RegionalRequests.Heartbeat("110000", 5))).StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
    }

    [Test]
    public async Task Any_key_may_read_freshness()
    {
        var checkpoint = _factory.ClientWithKey(Keys.Checkpoint);
        Assert.That((await checkpoint.GetAsync("/v1/regions/110000/freshness")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
