namespace HealthCode.Api.Tests;

public sealed class DevelopmentKeyTests
{
    [Test]
    public async Task In_Development_with_no_keys_the_dev_key_holds_every_role()
    {
        using var factory = new ApiFactory();
        var client = factory.ClientWithKey();
        var publish = new HttpRequestMessage(HttpMethod.Post, "/v1/regions/110000/status-events") { Content = Fixtures.Content("110000/green.json") };
        publish.Headers.Add("X-HC-Sequence", "9");

        Assert.That((await client.GetAsync("/v1/regions")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await client.PostAsync("/v1/regions/110000/normalize", Fixtures.Content("110000/green.json"))).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await client.PostAsync("/v1/verify",
            Requests.Verify(Fixtures.BeijingGreenCode))).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await client.SendAsync(publish)).StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
    }

    [Test]
    public async Task Outside_Development_no_keys_means_no_access()
    {
        using var factory = ApiFactory.ProductionEmbedded();
        var response = await factory.ClientWithKey().GetAsync("/v1/regions");
        await ProblemAssert.AssertProblem(response, HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Test]
    public void Outside_Development_start_up_fails_without_a_holder_secret_and_says_so()
    {
        using var factory = ApiFactory.ProductionEmbedded(new Dictionary<string, string?> { ["HealthCode:HolderSecret"] = null });
        var error = Assert.Catch(() => factory.CreateClient());
        Assert.That(error!.Message, Does.Contain("HealthCode:HolderSecret is required outside Development"));
    }

    [Test]
    public async Task Outside_Development_configured_keys_work()
    {
        using var factory = ApiFactory.ProductionEmbedded(ApiFactory.RoleKeys());
        var response = await factory.ClientWithKey(Keys.Integrator).GetAsync("/v1/regions/110000");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public void A_holder_secret_shorter_than_the_minimum_fails_start_up_and_says_so()
    {
        using var factory = ApiFactory.ProductionEmbedded(new Dictionary<string, string?> { ["HealthCode:HolderSecret"] = "short" });
        var error = Assert.Catch(() => factory.CreateClient());
        Assert.That(error!.Message, Does.Contain("HealthCode:HolderSecret must be at least"));
    }
}
