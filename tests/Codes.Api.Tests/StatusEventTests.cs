using System.Text;
using HealthCode.Verifier.Ingestion;
using HealthCode.Verifier.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HealthCode.Api.Tests;

public sealed class StatusEventTests
{
    private static HttpContent BeijingGreenTurnedRed() => Fixtures.Json(
        Encoding.UTF8.GetString(Fixtures.Read("110000/green.json"))
            .Replace("\"未见异常\"", "\"集中观察\"")
            .Replace("2022-05-08T14:34:00+08:00", DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'")));

    private static async Task<string?> Decision(HttpClient client) =>
        (await (await client.PostAsync("/v1/verify", Requests.Verify(Fixtures.BeijingGreenCode))).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("decision").GetString();

    [Test]
    public async Task A_status_event_over_http_reaches_verify()
    {
        using var factory = new ApiFactory();
        var client = factory.ClientWithKey();
        Assert.That(await Decision(client), Is.EqualTo("accept"));

        var response = await client.SendAsync(Requests.StatusEvent("110000", BeijingGreenTurnedRed(), "2"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(accepted.GetProperty("messageId").GetString(), Is.Not.Empty);

        Assert.That(await Poll.Until(() => Decision(client), d => d == "deny"), Is.EqualTo("deny"));
    }

    [Test]
    public async Task The_seeds_own_sequence_again_is_a_duplicate_and_changes_nothing()
    {
        var observer = new RecordingObserver();
        using var factory = new ApiFactory { ExtraServices = s => s.AddSingleton<IStatusEventObserver>(observer) };
        var client = factory.ClientWithKey();

        await client.SendAsync(Requests.StatusEvent("110000", BeijingGreenTurnedRed(), "1"));

        var result = await Poll.Until(() => Task.FromResult(observer.Results.FirstOrDefault()), r => r is not null);
        Assert.That(result?.Status, Is.EqualTo(ConsumeStatus.Duplicate));
        Assert.That(await Decision(client), Is.EqualTo("accept"));
    }

    [TestCase(null)]
    [TestCase("0")]
    [TestCase("-3")]
    [TestCase("abc")]
    [TestCase("99999999999999999999")]
    public async Task A_missing_or_bad_sequence_is_400_naming_the_header(string? sequence)
    {
        using var factory = new ApiFactory();
        var response = await factory.ClientWithKey().SendAsync(Requests.StatusEvent("110000", Fixtures.Content("110000/green.json"), sequence));
        var problem = await ProblemAssert.AssertProblem(response, HttpStatusCode.BadRequest, "bad-request");
        Assert.That(ProblemAssert.ErrorKeys(problem), Is.EqualTo(new[] { "X-HC-Sequence" }));
    }

    [Test]
    public async Task An_unknown_kind_is_400_naming_the_header()
    {
        using var factory = new ApiFactory();
        var response = await factory.ClientWithKey().SendAsync(Requests.StatusEvent("110000", Fixtures.Content("110000/green.json"), "2", "delete"));
        var problem = await ProblemAssert.AssertProblem(response, HttpStatusCode.BadRequest, "bad-request");
        Assert.That(ProblemAssert.ErrorKeys(problem), Is.EqualTo(new[] { "X-HC-Kind" }));
    }

    [Test]
    public async Task A_revoke_makes_the_code_manual()
    {
        using var factory = new ApiFactory();
        var client = factory.ClientWithKey();
        var response = await client.SendAsync(Requests.StatusEvent("110000", Fixtures.Content("110000/green.json"), "3", "revoke"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(await Poll.Until(() => Decision(client), d => d == "manual"), Is.EqualTo("manual"));
    }

    [Test]
    public async Task An_unknown_region_is_404()
    {
        using var factory = new ApiFactory();
        var response = await factory.ClientWithKey().SendAsync(Requests.StatusEvent("999999", Fixtures.Content("110000/green.json"), "2"));
        await ProblemAssert.AssertProblem(response, HttpStatusCode.NotFound, "unknown-region");
    }

    [Test]
    public async Task A_content_type_other_than_the_regions_format_is_415()
    {
        using var factory = new ApiFactory();
        var response = await factory.ClientWithKey().SendAsync(Requests.StatusEvent("610000", Fixtures.Body(Fixtures.Read("610000/green.xml"), "application/json"), "2"));
        await ProblemAssert.AssertProblem(response, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
    }

    [Test]
    public async Task A_body_over_64_KiB_is_413()
    {
        using var factory = new ApiFactory();
        var response = await factory.ClientWithKey().SendAsync(Requests.StatusEvent("110000", Fixtures.Body(new byte[64 * 1024 + 1], "application/json"), "2"));
        await ProblemAssert.AssertProblem(response, HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
    }

    [Test]
    public async Task A_bus_that_does_not_accept_is_503()
    {
        using var factory = new ApiFactory { ExtraServices = s => s.Replace(ServiceDescriptor.Singleton<IStatusEventPublisher, FailingPublisher>()) };
        var response = await factory.ClientWithKey().SendAsync(Requests.StatusEvent("110000", Fixtures.Content("110000/green.json"), "2"));
        await ProblemAssert.AssertProblem(response, HttpStatusCode.ServiceUnavailable, "bus-unavailable");
    }

    private sealed class FailingPublisher : IStatusEventPublisher
    {
        public Task PublishAsync(InboundStatusEvent statusEvent, CancellationToken cancellationToken = default) =>
            Task.FromException(new IOException("broker connection lost"));
    }

    private sealed class RecordingObserver : IStatusEventObserver
    {
        public System.Collections.Concurrent.ConcurrentQueue<ConsumeResult> Results { get; } = new();

        public Task OnConsumedAsync(InboundStatusEvent statusEvent, ConsumeResult result, CancellationToken cancellationToken = default)
        {
            Results.Enqueue(result);
            return Task.CompletedTask;
        }
    }
}
