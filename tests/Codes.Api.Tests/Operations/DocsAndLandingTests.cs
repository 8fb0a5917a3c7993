using HealthCode.Api.OpenApi;

namespace HealthCode.Api.Tests.Operations;

/// <summary>A new user's first requests: GET / and the API browser at /docs, both HTML, anonymous, outside any rate limit.</summary>
public sealed class DocsAndLandingTests
{
    private ApiFactory _factory = null!;

    [OneTimeSetUp]
    public void Start() => _factory = new ApiFactory(settings: new Dictionary<string, string?>
    {
        ["HealthCode:RateLimit:PermitsPerSecond"] = "1",
        ["HealthCode:RateLimit:Burst"] = "1",
    });

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    [Test]
    public async Task The_landing_page_is_html_linking_docs_playground_health_metrics_and_the_document()
    {
        var response = await _factory.CreateClient().GetAsync("/");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        var html = await response.Content.ReadAsStringAsync();
        foreach (var link in new[] { "/docs", "/playground/", "/health/ready", "/openapi/v1.json", "/metrics" })
            Assert.That(html, Does.Contain($"href=\"{link}\""), link);
    }

    [Test]
    public async Task Docs_serve_the_Scalar_browser_over_the_openapi_document_anonymously_and_unlimited()
    {
        var client = _factory.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            var response = await client.GetAsync(DocsEndpoints.DocsPath);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the redirect to /docs/ is followed; never 401 or 429");
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
            var html = await response.Content.ReadAsStringAsync();
            Assert.That(html, Does.Contain("scalar.js").And.Contain("openapi/v1.json"));
        }
        var bundle = await client.GetAsync(DocsEndpoints.DocsPath + "/scalar.js");
        Assert.That(bundle.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the browser loads Scalar from the service itself");
    }
}
