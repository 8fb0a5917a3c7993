namespace HealthCode.Api.Tests;

public sealed class AuthTests
{
    private ApiFactory _factory = null!;

    [OneTimeSetUp]
    public void Start() => _factory = new ApiFactory(settings: ApiFactory.RoleKeys());

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    private static HttpContent VerifyBody() =>
        Requests.Verify(Fixtures.BeijingGreenCode);

    [Test]
    public async Task A_request_without_a_key_is_401_problem()
    {
        var response = await _factory.ClientWithKey(null).GetAsync("/v1/regions");
        await ProblemAssert.AssertProblem(response, HttpStatusCode.Unauthorized, "unauthenticated");
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.Contain("X-Api-Key"));
    }

    [Test]
    public async Task An_unknown_key_is_401_problem()
    {
        var response = await _factory.ClientWithKey("not-a-key").GetAsync("/v1/regions");
        await ProblemAssert.AssertProblem(response, HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Test]
    public async Task The_dev_key_is_refused_once_keys_are_configured()
    {
        var response = await _factory.ClientWithKey(ApiFactory.DevKey).GetAsync("/v1/regions");
        await ProblemAssert.AssertProblem(response, HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Test]
    public async Task An_integrator_may_not_verify()
    {
        var response = await _factory.ClientWithKey(Keys.Integrator).PostAsync("/v1/verify", VerifyBody());
        await ProblemAssert.AssertProblem(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [Test]
    public async Task A_checkpoint_may_not_normalize()
    {
        var response = await _factory.ClientWithKey(Keys.Checkpoint).PostAsync("/v1/regions/110000/normalize", Fixtures.Content("110000/green.json"));
        await ProblemAssert.AssertProblem(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [Test]
    public async Task A_checkpoint_may_verify_and_any_role_may_read_regions()
    {
        var verify = await _factory.ClientWithKey(Keys.Checkpoint).PostAsync("/v1/verify", VerifyBody());
        var regions = await _factory.ClientWithKey(Keys.BeijingPublisher).GetAsync("/v1/regions");
        Assert.That(verify.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(regions.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_publisher_may_publish_only_for_its_own_region()
    {
        var client = _factory.ClientWithKey(Keys.BeijingPublisher);
        var own = new HttpRequestMessage(HttpMethod.Post, "/v1/regions/110000/status-events") { Content = Fixtures.Content("110000/green.json") };
        own.Headers.Add("X-HC-Sequence", "5");
        var other = new HttpRequestMessage(HttpMethod.Post, "/v1/regions/310000/status-events") { Content = Fixtures.Content("310000/green.json") };
        other.Headers.Add("X-HC-Sequence", "5");

        Assert.That((await client.SendAsync(own)).StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        await ProblemAssert.AssertProblem(await client.SendAsync(other), HttpStatusCode.Forbidden, "forbidden");
    }

    [Test]
    public async Task Admin_may_do_everything()
    {
        var client = _factory.ClientWithKey(Keys.Admin);
        var publish = new HttpRequestMessage(HttpMethod.Post, "/v1/regions/310000/status-events") { Content = Fixtures.Content("310000/green.json") };
        publish.Headers.Add("X-HC-Sequence", "5");

        Assert.That((await client.PostAsync("/v1/verify", VerifyBody())).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await client.PostAsync("/v1/regions/110000/normalize", Fixtures.Content("110000/green.json"))).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await client.SendAsync(publish)).StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
    }
}
