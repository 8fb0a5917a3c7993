using static HealthCode.Api.Tests.DryRun.DryRunRequests;

namespace HealthCode.Api.Tests.DryRun;

public sealed class DryRunAccessTests
{
    private ApiFactory _factory = null!;

    [OneTimeSetUp]
    public void Start() => _factory = new ApiFactory(settings: ApiFactory.RoleKeys());

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    private Task<HttpResponseMessage> DryRunAs(string? key) =>
        _factory.ClientWithKey(key).PostAsync(Endpoint, Content(ForRegion("110000", Sample("110000/green.json"))));

    [Test]
    public async Task A_dry_run_without_a_key_is_401()
    {
        await ProblemAssert.AssertProblem(await DryRunAs(null), HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [TestCase(Keys.Checkpoint)]
    [TestCase(Keys.BeijingPublisher)]
    public async Task A_dry_run_needs_the_integrator_role(string key)
    {
        await ProblemAssert.AssertProblem(await DryRunAs(key), HttpStatusCode.Forbidden, "forbidden");
    }

    [TestCase(Keys.Integrator)]
    [TestCase(Keys.Admin)]
    public async Task An_integrator_or_admin_may_dry_run(string key)
    {
        Assert.That((await DryRunAs(key)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase("/v1/regions/110000/samples")]
    [TestCase("/v1/regions/110000/profile")]
    public async Task Samples_and_profiles_are_open_to_any_role_but_not_anonymous(string path)
    {
        Assert.That((await _factory.ClientWithKey(Keys.Checkpoint).GetAsync(path)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await ProblemAssert.AssertProblem(await _factory.ClientWithKey(null).GetAsync(path), HttpStatusCode.Unauthorized, "unauthenticated");
    }
}
