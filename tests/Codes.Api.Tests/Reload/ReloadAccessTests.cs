namespace HealthCode.Api.Tests.Reload;

public sealed class ReloadAccessTests
{
    private ApiFactory _factory = null!;

    [OneTimeSetUp]
    public void Start() => _factory = new ApiFactory(settings: new Dictionary<string, string?>(ApiFactory.RoleKeys()) { ["HealthCode:Reload:Watch"] = "false" });

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    [TestCase(Keys.Checkpoint)]
    [TestCase(Keys.Integrator)]
    [TestCase(Keys.BeijingPublisher)]
    public async Task Only_admin_may_reload(string key)
    {
        var response = await _factory.ClientWithKey(key).PostAsync("/v1/admin/reload", null);
        await ProblemAssert.AssertProblem(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [Test]
    public async Task Reload_without_a_key_is_401()
    {
        var response = await _factory.CreateClient().PostAsync("/v1/admin/reload", null);
        await ProblemAssert.AssertProblem(response, HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Test]
    public async Task An_admin_may_reload()
    {
        var response = await _factory.ClientWithKey(Keys.Admin).PostAsync("/v1/admin/reload", null);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task The_OpenAPI_document_lists_the_reload_operation()
    {
        var document = await _factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var reload = document.GetProperty("paths").GetProperty("/v1/admin/reload").GetProperty("post");
        Assert.That(reload.GetProperty("responses").EnumerateObject().Select(r => r.Name), Is.SupersetOf(new[] { "200", "401", "403" }));
    }
}
