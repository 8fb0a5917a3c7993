using System.Net.Http.Json;
using System.Text.Json;
using HealthCode.Api.Tests.Support;
using HealthCode.Translator.Normalization.Time;
using HealthCode.Translator.Profiles;
using Microsoft.Extensions.DependencyInjection;

namespace HealthCode.Api.Tests.Amqp;

/// <summary>
/// The end-to-end proof in the real mode, in Production: every region's native sample published with plain
/// RabbitMQ.Client (body bytes, AMQP properties and headers), consumed into the real Redis, then verified over HTTP.
/// </summary>
[Category("Amqp")]
public sealed class RealModeVerifyTests
{
    [Test]
    public async Task Every_regions_sample_published_over_amqp_is_verified_over_http()
    {
        await using var host = await RealModeHost.StartAsync("Production", new Dictionary<string, string?>
        {
            ["Auth:ApiKeys:gate:Key"] = Keys.Checkpoint,
            ["Auth:ApiKeys:gate:Roles:0"] = "checkpoint",
        });
        using var client = host.Factory.ClientWithKey(Keys.Checkpoint);
        var catalog = host.Services.GetRequiredService<IRegionCatalog>();

        // Fresh status times so nothing is stale.
        const long sequence = 1;
        var samples = Fixtures.All().Select(Sample.Of).ToList();
        foreach (var sample in samples)
        {
            var region = Fixtures.Region(sample.Path);
            var body = StatusTimeRewriter.Rewrite(catalog.Find(region)!, Fixtures.Read(sample.Path), DateTimeOffset.UtcNow);
            await host.PublishAsync(region, body, sequence, Fixtures.ContentType(sample.Path), "sample:" + sample.Path);
        }

        var wrong = new List<string>();
        foreach (var sample in samples)
        {
            var region = Fixtures.Region(sample.Path);
            var answer = await Poll.Until(
                async () => await (await client.PostAsync("/v1/verify", Requests.Verify(sample.Code, region: region))).Content.ReadFromJsonAsync<JsonElement>(),
                a => a.TryGetProperty("status", out var s) && s.GetProperty("sequence").GetInt64() == sequence,
                TimeSpan.FromSeconds(30));
            var decision = answer.GetProperty("decision").GetString();
            if (decision != sample.Decision || !answer.TryGetProperty("status", out _))
                wrong.Add($"{sample.Path}: expected {sample.Decision}, got {answer}");
            Assert.That(answer.GetRawText(), Does.Not.Contain(sample.Name).And.Not.Contain(sample.Document), sample.Path);
        }
        Assert.That(wrong, Is.Empty);
    }

    private sealed record Sample(string Path, string Code, string Decision, string Name, string Document)
    {
        // General scene at the issuer's own region: green passes, yellow and red are denied, unknown is manual.
        public static Sample Of(string path)
        {
            var expected = System.IO.Path.Combine(Fixtures.Root, System.IO.Path.ChangeExtension(path, null) + ".expected.json");
            var canonical = JsonDocument.Parse(File.ReadAllBytes(expected)).RootElement.GetProperty("canonical");
            var decision = canonical.GetProperty("code.level").GetString() switch { "green" => "accept", "unknown" => "manual", _ => "deny" };
            return new Sample(path, canonical.GetProperty("code.value").GetString()!, decision,
                canonical.GetProperty("person.name").GetString()!, canonical.GetProperty("person.document.number").GetString()!);
        }
    }
}
