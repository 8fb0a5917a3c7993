using HealthCode.Api.Telemetry;

namespace HealthCode.Api.Tests.Operations;

/// <summary>/metrics through OpenTelemetry's Prometheus exporter: the named series after a verify and an ingested event.</summary>
public sealed class MetricsTests
{
    private ApiFactory _factory = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public async Task VerifyAndIngest()
    {
        _factory = new ApiFactory();
        _client = _factory.ClientWithKey();
        // Accept at a gate, deny (nat-required) at a metro gate; then one status event over HTTP, applied in process.
        Assert.That((await _client.PostAsync("/v1/verify", Requests.Verify(Fixtures.BeijingGreenCode))).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await _client.PostAsync("/v1/verify", Requests.Verify(Fixtures.BeijingGreenCode, scene: "transport"))).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var publish = Requests.StatusEvent("110000", Fixtures.Content("110000/green.json"), "5");
        Assert.That((await _client.SendAsync(publish)).StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    private Task<PrometheusText> ScrapeUntil(Func<PrometheusText, bool> done) =>
        Poll.Until(() => PrometheusText.ScrapeAsync(_factory.CreateClient()), done);

    [Test]
    public async Task Verify_decisions_are_counted_by_issuer_decision_and_reason_with_their_latency()
    {
        var metrics = await ScrapeUntil(m => m.Has("hc_verify_reasons_total", ("reason", "nat-required")));
        Assert.That(metrics.Sum("hc_verify_decisions_total", ("issuer", "110000"), ("decision", "accept")), Is.GreaterThanOrEqualTo(1));
        Assert.That(metrics.Sum("hc_verify_decisions_total", ("issuer", "110000"), ("decision", "deny")), Is.GreaterThanOrEqualTo(1));
        Assert.That(metrics.Sum("hc_verify_reasons_total", ("issuer", "110000"), ("decision", "deny"), ("reason", "nat-required")), Is.GreaterThanOrEqualTo(1));
        Assert.That(metrics.Sum("hc_verify_duration_seconds_count", ("outcome", "accept")), Is.GreaterThanOrEqualTo(1));
        Assert.That(metrics.Has("hc_verify_duration_seconds_bucket", ("outcome", "deny"), ("le", "0.005")), Is.True);
    }

    [Test]
    public async Task Store_latency_is_measured_per_operation()
    {
        var metrics = await ScrapeUntil(m => m.Has("hc_store_duration_seconds_count", ("operation", "get")));
        Assert.That(metrics.Sum("hc_store_duration_seconds_count", ("operation", "get"), ("outcome", "ok")), Is.GreaterThanOrEqualTo(2));
        Assert.That(metrics.Sum("hc_store_duration_seconds_count", ("operation", "apply"), ("outcome", "ok")), Is.GreaterThanOrEqualTo(1));
    }

    [Test]
    public async Task Ingestion_outcomes_and_publish_to_applied_lag_are_counted_by_region()
    {
        var metrics = await ScrapeUntil(m => m.Sum("hc_ingestion_events_total", ("region", "110000"), ("outcome", "applied")) >= 4);
        // Three seeded Beijing samples, then the event published over HTTP.
        Assert.That(metrics.Sum("hc_ingestion_events_total", ("region", "110000"), ("outcome", "applied"), ("reason", "none")), Is.GreaterThanOrEqualTo(4));
        Assert.That(metrics.Sum("hc_ingestion_lag_seconds_count", ("region", "110000")), Is.GreaterThanOrEqualTo(4));
        Assert.That(metrics.Has("hc_ingestion_lag_seconds_bucket", ("region", "110000"), ("le", "+Inf")), Is.True);
    }

    [Test]
    public async Task AspNetCore_and_runtime_metrics_are_exported_with_route_templates()
    {
        var metrics = await ScrapeUntil(m => m.Has("http_server_request_duration_seconds_count", ("http_route", "/v1/verify")));
        Assert.That(metrics.Has("http_server_request_duration_seconds_count", ("http_route", "/v1/regions/{region}/status-events")), Is.True);
        // Kestrel's own series appear where Kestrel listens (not under the test server).
        Assert.That(metrics.All.Select(s => s.Name), Has.Some.StartsWith("dotnet_gc_").And.Some.StartsWith("aspnetcore_routing_"));
    }

    [Test]
    public async Task Metrics_answer_anonymously_and_are_never_rate_limited()
    {
        await using var factory = new ApiFactory(settings: new Dictionary<string, string?>
        {
            ["HealthCode:RateLimit:PermitsPerSecond"] = "1",
            ["HealthCode:RateLimit:Burst"] = "1",
        });
        var client = factory.ClientWithKey();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) statuses.Add((await client.GetAsync("/v1/regions/110000")).StatusCode);
        Assert.That(statuses, Does.Contain(HttpStatusCode.TooManyRequests), "the key's bucket is spent");

        var scrapes = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++) scrapes.Add((await factory.CreateClient().GetAsync("/metrics")).StatusCode);
        Assert.That(scrapes, Is.All.EqualTo(HttpStatusCode.OK));
        var metrics = await Poll.Until(() => PrometheusText.ScrapeAsync(factory.CreateClient()),
            m => m.Has("aspnetcore_rate_limiting_requests_total", ("aspnetcore_rate_limiting_result", "global_limiter")));
        Assert.That(metrics.Sum("aspnetcore_rate_limiting_requests_total", ("aspnetcore_rate_limiting_result", "global_limiter")), Is.GreaterThanOrEqualTo(1),
            "rate-limit rejections are counted");
    }

    [Test]
    public async Task Telemetry_switched_off_serves_no_metrics_and_verify_still_answers()
    {
        await using var factory = new ApiFactory(settings: new Dictionary<string, string?> { [TelemetryOptions.Section + ":Enabled"] = "false" });
        Assert.That((await factory.CreateClient().GetAsync(TelemetrySetup.MetricsPath)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var verify = await factory.ClientWithKey().PostAsync("/v1/verify", Requests.Verify(Fixtures.BeijingGreenCode));
        Assert.That((await verify.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("decision").GetString(), Is.EqualTo("accept"));
    }
}
