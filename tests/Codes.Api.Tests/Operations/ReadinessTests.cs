using HealthCode.Api.Health;
using HealthCode.Api.Reload;

namespace HealthCode.Api.Tests.Operations;

/// <summary>/health/ready lists every dependency with its status and a short description.</summary>
public sealed class ReadinessTests
{
    [Test]
    public async Task Embedded_readiness_lists_the_store_and_the_loaded_profiles_and_policies()
    {
        await using var factory = new ApiFactory();
        var checks = await ReadyChecksAsync(factory.CreateClient(), HttpStatusCode.OK);
        // Both views of the data files stay: the data-file checks say what is loaded, the hot-reload check whether
        // the last reload refused a file (Degraded while an older version stays active).
        Assert.That(checks.Keys, Is.EquivalentTo(new[]
        {
            "status-store", DataFilesHealthCheck.Profiles, DataFilesHealthCheck.Policies, CatalogReloadHealthCheck.Name,
        }));
        Assert.That(checks.Values.Select(c => c.Status), Is.All.EqualTo("Healthy"));
        Assert.That(checks["status-store"].Description, Does.StartWith("In-memory status store answered a ping"));
        Assert.That(checks[DataFilesHealthCheck.Profiles].Description, Does.StartWith("12 region profiles loaded (000000, 110000"));
        Assert.That(checks[DataFilesHealthCheck.Policies].Description, Does.Contain("default").And.Contain("110000 2022-02-12"));
        Assert.That(checks[CatalogReloadHealthCheck.Name].Description, Is.EqualTo(CatalogReloadHealthCheck.AllActive));
    }

    [Test, Category("Amqp")]
    public async Task Real_mode_readiness_adds_the_ingestion_connection_and_the_bus()
    {
        await using var api = await RealModeHost.StartAsync();
        var checks = await ReadyChecksAsync(api.Factory.CreateClient(), HttpStatusCode.OK);
        Assert.That(checks.Keys, Is.SupersetOf(new[] { "status-store", "rabbitmq-ingestion", "masstransit-bus", DataFilesHealthCheck.Profiles, DataFilesHealthCheck.Policies }));
        Assert.That(checks.Values.Select(c => c.Status), Is.All.EqualTo("Healthy"));
        Assert.That(checks.Values.Select(c => c.Description), Is.All.Not.Empty);
        Assert.That(checks["status-store"].Description, Does.StartWith("Redis status store answered a ping"));
    }

    private sealed record Check(string Status, string? Description);

    private static async Task<Dictionary<string, Check>> ReadyChecksAsync(HttpClient client, HttpStatusCode expected)
    {
        // The bus reports ready a moment after the host starts.
        var response = await Poll.Until(() => client.GetAsync("/health/ready"), r => r.StatusCode == expected, TimeSpan.FromSeconds(30));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(response.StatusCode, Is.EqualTo(expected), body.ToString());
        return body.GetProperty("checks").EnumerateObject().ToDictionary(c => c.Name,
            c => new Check(c.Value.GetProperty("status").GetString()!, c.Value.TryGetProperty("description", out var d) ? d.GetString() : null));
    }
}
