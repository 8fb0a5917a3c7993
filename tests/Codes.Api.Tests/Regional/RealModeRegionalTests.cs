using HealthCode.Api.Tests.Hostile;
using HealthCode.Api.Tests.Support;

namespace HealthCode.Api.Tests.Regional;

/// <summary>The real mode (Redis, RabbitMQ): an HTTP publish goes through the broker and the one consumer decides it.</summary>
[Category("Amqp")]
public sealed class RealModeRegionalTests
{
    private RealModeHost _api = null!;

    [OneTimeSetUp]
    public async Task Start() => _api = await RealModeHost.StartAsync();

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_api is not null) await _api.DisposeAsync();
    }

    [Test]
    public async Task An_http_publish_through_the_broker_is_pending_then_decided_and_a_rejection_reaches_feed_and_error_queue()
    {
        var applied = await RegionalRequests.Json(await _api.Client.SendAsync(
            RegionalRequests.Publish("110000", Fixtures.Content("110000/green.json"), 3, wait: 10)), HttpStatusCode.OK);
        Assert.That(RegionalRequests.State(applied), Is.EqualTo("applied"));

        var response = await _api.Client.SendAsync(RegionalRequests.Publish("110000", Fixtures.Json(RegionalRequests.BadBeijing), 4));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        var rejected = await Poll.Until(async () => await RegionalRequests.Json(await _api.Client.GetAsync(response.Headers.Location), HttpStatusCode.OK),
            o => RegionalRequests.State(o) != "pending");
        Assert.That((RegionalRequests.State(rejected), rejected.GetProperty("reason").GetString()), Is.EqualTo(("rejected", "normalization-failed")));

        var id = rejected.GetProperty("messageId").GetString();
        var feed = await RegionalRequests.Json(await _api.Client.GetAsync("/v1/regions/110000/rejections"), HttpStatusCode.OK);
        Assert.That(feed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("messageId").GetString()), Does.Contain(id));
        var errors = await _api.TakeErrorsAsync(1, TimeSpan.FromSeconds(10));
        Assert.That(errors.Select(e => e.BasicProperties.MessageId), Does.Contain(id), "the error queue stays as it is, for operators");
    }

    [Test]
    public async Task A_heartbeat_over_http_goes_through_the_broker_and_is_applied()
    {
        var beat = await RegionalRequests.Json(await _api.Client.SendAsync(RegionalRequests.Heartbeat("310000", 17, wait: 10)), HttpStatusCode.OK);
        Assert.That(RegionalRequests.State(beat), Is.EqualTo("applied"));
        var fresh = await RegionalRequests.Json(await _api.Client.GetAsync("/v1/regions/310000/freshness"), HttpStatusCode.OK);
        Assert.That(fresh.TryGetProperty("lastHeartbeatAt", out _), Is.True);
    }
}
