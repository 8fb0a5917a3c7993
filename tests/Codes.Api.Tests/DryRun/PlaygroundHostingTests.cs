namespace HealthCode.Api.Tests.DryRun;

public sealed class PlaygroundHostingTests
{
    [Test]
    public async Task The_playground_page_is_served_anonymously_with_a_strict_content_security_policy()
    {
        using var factory = new ApiFactory();
        var client = factory.ClientWithKey(null);

        var page = await client.GetAsync("/playground/");
        var script = await client.GetAsync("/playground/js/app.js");

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        Assert.That(page.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("default-src 'none'").And.Contain("script-src 'self'"));
        Assert.That(script.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task The_config_offers_the_development_key_in_the_embedded_default()
    {
        using var factory = new ApiFactory();
        var config = await factory.ClientWithKey(null).GetFromJsonAsync<JsonElement>("/playground/config.json");
        Assert.That(config.GetProperty("developmentKey").GetString(), Is.EqualTo(ApiFactory.DevKey));
    }

    [Test]
    public async Task The_config_offers_no_key_once_keys_are_configured()
    {
        using var factory = new ApiFactory(settings: ApiFactory.RoleKeys());
        var config = await factory.ClientWithKey(null).GetFromJsonAsync<JsonElement>("/playground/config.json");
        Assert.That(config.TryGetProperty("developmentKey", out _), Is.False);
    }
}
