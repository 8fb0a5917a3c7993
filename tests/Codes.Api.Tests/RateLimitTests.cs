namespace HealthCode.Api.Tests;

public sealed class RateLimitTests
{
    [Test]
    public async Task Past_the_limit_a_key_gets_429_with_retry_after_while_other_keys_do_not()
    {
        var settings = ApiFactory.RoleKeys();
        settings["HealthCode:RateLimit:PermitsPerSecond"] = "1";
        settings["HealthCode:RateLimit:Burst"] = "2";
        using var factory = new ApiFactory(settings: settings);
        var busy = factory.ClientWithKey(Keys.Integrator);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 3; i++)
        {
            last = await busy.GetAsync("/v1/regions/110000");
            statuses.Add(last.StatusCode);
        }

        Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
        await ProblemAssert.AssertProblem(last, HttpStatusCode.TooManyRequests, "rate-limited");
        Assert.That(last.Headers.RetryAfter?.Delta, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1)));
        Assert.That((await factory.ClientWithKey(Keys.Checkpoint).GetAsync("/v1/regions/110000")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Health_endpoints_are_not_rate_limited()
    {
        var settings = new Dictionary<string, string?> { ["HealthCode:RateLimit:PermitsPerSecond"] = "1", ["HealthCode:RateLimit:Burst"] = "1" };
        using var factory = new ApiFactory(settings: settings);
        var client = factory.CreateClient();
        for (var i = 0; i < 5; i++)
            Assert.That((await client.GetAsync("/health/live")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
