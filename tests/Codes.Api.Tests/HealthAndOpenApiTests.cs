using HealthCode.Verifier.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HealthCode.Api.Tests;

public sealed class HealthAndOpenApiTests
{
    private ApiFactory _factory = null!;

    [OneTimeSetUp]
    public void Start() => _factory = new ApiFactory();

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    [TestCase("/health/live")]
    [TestCase("/health/ready")]
    public async Task Health_endpoints_answer_without_a_key(string path)
    {
        var response = await _factory.CreateClient().GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString(), Is.EqualTo("Healthy"));
    }

    [Test]
    public async Task Ready_is_503_when_the_store_does_not_answer_while_live_stays_200()
    {
        using var factory = new ApiFactory { ExtraServices = s => s.Replace(ServiceDescriptor.Singleton<IStatusStore, SilentStore>()) };
        var client = factory.CreateClient();
        var ready = await client.GetAsync("/health/ready");
        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That((await ready.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checks").GetProperty("status-store").GetProperty("status").GetString(), Is.EqualTo("Unhealthy"));
        Assert.That((await client.GetAsync("/health/live")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_store_that_does_not_answer_makes_verify_manual_not_an_error()
    {
        using var factory = new ApiFactory { ExtraServices = s => s.Replace(ServiceDescriptor.Singleton<IStatusStore, SilentStore>()) };
        var response = await factory.ClientWithKey().PostAsync("/v1/verify", Requests.Verify(Fixtures.BeijingGreenCode));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body.GetProperty("decision").GetString(), Is.EqualTo("manual"));
        Assert.That(body.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()), Does.Contain("store-unavailable"));
    }

    [Test]
    public async Task The_OpenAPI_document_lists_every_path_and_the_api_key_scheme()
    {
        var response = await _factory.CreateClient().GetAsync("/openapi/v1.json");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var document = await response.Content.ReadFromJsonAsync<JsonElement>();
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.That(paths, Is.SupersetOf(new[]
        {
            "/v1/regions/{region}/normalize", "/v1/regions", "/v1/regions/{region}", "/v1/translate", "/v1/verify",
            "/v1/regions/{region}/status-events", "/health/live", "/health/ready",
        }));

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.That(scheme.GetProperty("in").GetString(), Is.EqualTo("header"));
        Assert.That(scheme.GetProperty("name").GetString(), Is.EqualTo("X-Api-Key"));
        var verify = document.GetProperty("paths").GetProperty("/v1/verify").GetProperty("post");
        Assert.That(verify.GetProperty("security").GetArrayLength(), Is.EqualTo(1));
        Assert.That(verify.GetProperty("responses").EnumerateObject().Select(r => r.Name), Is.SupersetOf(new[] { "200", "400", "401", "403", "422", "429" }));
        Assert.That(document.GetProperty("info").GetProperty("description").GetString(), Does.Contain("https://healthcode.example.org/problems/validation"));
        var level = document.GetProperty("components").GetProperty("schemas").GetProperty("RiskLevel");
        Assert.That(level.GetProperty("enum").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "green", "yellow", "red", "unknown" }));
    }

    [Test]
    public async Task An_unknown_route_is_a_404_problem()
    {
        var response = await _factory.ClientWithKey().GetAsync("/v1/nothing-here");
        await ProblemAssert.AssertProblem(response, HttpStatusCode.NotFound, "not-found");
    }

    /// <summary>A store that never answers (a hung Redis).</summary>
    private sealed class SilentStore : IStatusStore
    {
        public Task<ApplyOutcome> ApplyAsync(StatusEntry entry, TimeSpan timeToLive, CancellationToken cancellationToken = default) =>
            Task.FromException<ApplyOutcome>(new StoreUnavailableException("down"));

        public Task<StatusLookup> GetAsync(string issuer, string code, CancellationToken cancellationToken = default) =>
            new TaskCompletionSource<StatusLookup>().Task.WaitAsync(cancellationToken);

        public Task PingAsync(CancellationToken cancellationToken = default) => new TaskCompletionSource().Task.WaitAsync(cancellationToken);
    }
}
