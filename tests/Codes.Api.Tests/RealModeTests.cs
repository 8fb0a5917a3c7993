using HealthCode.Verifier.Store;
using Microsoft.Extensions.DependencyInjection;

namespace HealthCode.Api.Tests;

/// <summary>The real mode's store and readiness: the test Redis and RabbitMQ (<see cref="TestServers"/>), keys under this run's prefix.</summary>
[Category("Amqp")]
public sealed class RealModeTests
{
    [Test]
    public async Task In_the_real_mode_statuses_live_in_Redis_and_ready_pings_it()
    {
        await using var host = await RealModeHost.StartAsync(settings: new Dictionary<string, string?> { ["HealthCode:SeedSamples"] = "true" });

        // Telemetry times the composed store from outside; the store itself is Redis.
        var store = host.Services.GetRequiredService<IStatusStore>();
        Assert.That(store is HealthCode.Api.Telemetry.InstrumentedStatusStore timed ? timed.Inner : store, Is.InstanceOf<RedisStatusStore>());
        // Polled: other test runs share this Redis and may stall it briefly (the store then answers unavailable, by design).
        var ready = await Poll.Until(async () => (await host.Client.GetAsync("/health/ready")).StatusCode, s => s == HttpStatusCode.OK);
        Assert.That(ready, Is.EqualTo(HttpStatusCode.OK));
        var decision = await Poll.Until(async () => (await (await host.Client.PostAsync("/v1/verify", Requests.Verify(Fixtures.BeijingGreenCode)))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("decision").GetString(), d => d == "accept");
        Assert.That(decision, Is.EqualTo("accept"));
        Assert.That(await host.RedisContentsAsync(), Is.Not.Empty);
    }

    [Test]
    public async Task In_the_real_mode_samples_are_not_seeded_by_default()
    {
        await using var host = await RealModeHost.StartAsync(settings: new Dictionary<string, string?> { ["HealthCode:SeedSamples"] = null });
        var reasons = await Poll.Until(async () => (await (await host.Client.PostAsync("/v1/verify", Requests.Verify(Fixtures.BeijingGreenCode)))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reasons").EnumerateArray().Select(r => r.GetString()).ToList(), r => !r.Contains("store-unavailable"));
        Assert.That(reasons, Is.EqualTo(new[] { "unknown-code" }));
    }

    [Test]
    public async Task With_Redis_down_the_service_starts_answers_manual_and_is_not_ready()
    {
        // Nothing listens on port 1: the connector gives up quickly and keeps retrying in the background.
        await using var host = await RealModeHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = "127.0.0.1:1",
            ["HealthCode:SeedSamples"] = "true",
        });

        var verify = await host.Client.PostAsync("/v1/verify", Requests.Verify(Fixtures.BeijingGreenCode));
        var body = await verify.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(verify.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body.GetProperty("decision").GetString(), Is.EqualTo("manual"));
        Assert.That((await host.Client.GetAsync("/health/ready")).StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That((await host.Client.GetAsync("/health/live")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
