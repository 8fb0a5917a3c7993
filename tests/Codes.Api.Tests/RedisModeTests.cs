using HealthCode.Verifier.Store;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace HealthCode.Api.Tests;

/// <summary>The real mode's store: the test Redis (<see cref="TestServers.Redis"/>), keys under a random prefix.</summary>
public sealed class RedisModeTests
{
    [Test]
    public async Task With_a_Redis_connection_string_statuses_live_in_Redis_and_ready_pings_it()
    {
        using var redis = RedisConnector.Connect(TestServers.Redis);
        if (!redis.IsConnected) Assert.Ignore($"No Redis at {TestServers.Redis}");
        var prefix = $"hct:api:{Guid.NewGuid():N}:";
        try
        {
            using var factory = new ApiFactory(settings: new Dictionary<string, string?>
            {
                ["ConnectionStrings:Redis"] = TestServers.Redis,
                ["HealthCode:Redis:KeyPrefix"] = prefix,
                ["HealthCode:SeedSamples"] = "true",
            });
            var client = factory.ClientWithKey();

            Assert.That(factory.Services.GetRequiredService<IStatusStore>(), Is.InstanceOf<RedisStatusStore>());
            // Polled: other test runs share this Redis and may stall it briefly (the store then answers unavailable, by design).
            var ready = await Poll.Until(async () => (await client.GetAsync("/health/ready")).StatusCode, s => s == HttpStatusCode.OK);
            Assert.That(ready, Is.EqualTo(HttpStatusCode.OK));
            var decision = await Poll.Until(async () => (await (await client.PostAsync("/v1/verify", Requests.Verify(Fixtures.BeijingGreenCode)))
                .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("decision").GetString(), d => d == "accept");
            Assert.That(decision, Is.EqualTo("accept"));
            Assert.That(Keys(redis, prefix), Is.Not.Empty);
        }
        finally
        {
            foreach (var key in Keys(redis, prefix)) redis.GetDatabase().KeyDelete(key);
        }
    }

    [Test]
    public async Task With_Redis_configured_seeding_is_off_by_default()
    {
        using var redis = RedisConnector.Connect(TestServers.Redis);
        if (!redis.IsConnected) Assert.Ignore($"No Redis at {TestServers.Redis}");
        var prefix = $"hct:api:{Guid.NewGuid():N}:";
        using var factory = new ApiFactory(settings: new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = TestServers.Redis, ["HealthCode:Redis:KeyPrefix"] = prefix });
        var reasons = await Poll.Until(async () => (await (await factory.ClientWithKey().PostAsync("/v1/verify", Requests.Verify(Fixtures.BeijingGreenCode)))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reasons").EnumerateArray().Select(r => r.GetString()).ToList(), r => !r.Contains("store-unavailable"));
        Assert.That(reasons, Is.EqualTo(new[] { "unknown-code" }));
    }

    [Test]
    public async Task With_Redis_down_the_service_starts_answers_manual_and_is_not_ready()
    {
        // Nothing listens on port 1: the connector gives up quickly and keeps retrying in the background.
        using var factory = new ApiFactory(settings: new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = "127.0.0.1:1", ["HealthCode:SeedSamples"] = "true" });
        var client = factory.ClientWithKey();

        var verify = await client.PostAsync("/v1/verify", Requests.Verify(Fixtures.BeijingGreenCode));
        var body = await verify.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(verify.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body.GetProperty("decision").GetString(), Is.EqualTo("manual"));
        Assert.That((await client.GetAsync("/health/ready")).StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That((await client.GetAsync("/health/live")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private static List<RedisKey> Keys(ConnectionMultiplexer redis, string prefix) =>
        redis.GetServer(redis.GetEndPoints()[0]).Keys(pattern: prefix + "*").ToList();
}
