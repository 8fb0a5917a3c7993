using System.Text;
using HealthCode.Verifier.Ingestion;
using HealthCode.Verifier.Transport.RabbitMq;

namespace HealthCode.Verifier.Tests.Amqp;

[Category("Amqp")]
public sealed class PoisonEventTests
{
    [Test]
    public async Task Poison_payloads_land_in_the_error_queue_with_a_reason_while_later_events_are_applied()
    {
        await using var host = await IngestionHost.StartAsync();
        await using var publisher = await AmqpTestEnvironment.OpenPublisherAsync(host.Options.Exchange);
        var green = RegionSample.Get("310000", "green");
        var unknownEnum = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(green.Body).Replace("\"color\": 0", "\"color\": 7"));
        Assert.That(unknownEnum, Is.Not.EqualTo(green.Body), "fixture changed: the color edit did not apply");

        await publisher.PublishAsync("310000", Encoding.UTF8.GetBytes("{\"codeId\": \"SH5140"), 1, messageId: "bad-json");
        await publisher.PublishAsync("310000", unknownEnum, 2, messageId: "unknown-enum");
        await publisher.PublishAsync("310000", green.Body, 3, headerRegion: "110000", messageId: "region-mismatch");
        await publisher.PublishAsync("310000", green.Body, 4, messageId: "good");

        await host.WaitForAsync("310000", green.Code, e => e.Sequence == 4);
        var errors = await host.TakeErrorsAsync(3);
        var byId = errors.ToDictionary(m => m.BasicProperties.MessageId!);
        Assert.That(byId.Keys, Is.EquivalentTo(new[] { "bad-json", "unknown-enum", "region-mismatch" }));
        Assert.That(Header(byId["bad-json"], StatusHeaders.ErrorReason), Is.EqualTo(IngestionReasonCodes.NormalizationFailed));
        Assert.That(Header(byId["unknown-enum"], StatusHeaders.ErrorReason), Is.EqualTo(IngestionReasonCodes.NormalizationFailed));
        Assert.That(Header(byId["region-mismatch"], StatusHeaders.ErrorReason), Is.EqualTo(IngestionReasonCodes.RegionMismatch));

        var copy = byId["unknown-enum"];
        Assert.That(copy.Body.ToArray(), Is.EqualTo(unknownEnum), "the original body, byte for byte");
        Assert.That((copy.BasicProperties.ContentType, copy.BasicProperties.Persistent), Is.EqualTo(("application/json", true)));
        Assert.That(copy.BasicProperties.Headers!["hc-sequence"], Is.EqualTo(2L), "original headers kept");
        Assert.That(Header(copy, "hc-region"), Is.EqualTo("310000"));
        Assert.That(Header(copy, StatusHeaders.ErrorRoutingKey), Is.EqualTo("310000"));
        Assert.That(DateTimeOffset.Parse(Header(copy, StatusHeaders.ErrorAt)!), Is.EqualTo(DateTimeOffset.UtcNow).Within(TimeSpan.FromMinutes(1)));
        foreach (var error in errors)
            Assert.That(Header(error, StatusHeaders.ErrorDetail), Is.Not.Empty.And.Not.Contain("周杰").And.Not.Contain("310104197503212087"));

        Assert.That(host.Counts.ErrorQueued, Is.EqualTo(3));
        Assert.That(host.Counts.Rejected, Is.EqualTo(3));
        Assert.That(host.Ingestion.IsConsuming, Is.True, "the consumer keeps running");
    }

    [Test]
    public async Task Payload_claiming_another_regions_issuer_is_refused_to_the_error_queue()
    {
        await using var host = await IngestionHost.StartAsync();
        await using var publisher = await AmqpTestEnvironment.OpenPublisherAsync(host.Options.Exchange);
        var zhejiang = RegionSample.Get("330000", "green");
        var beijingCity = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(zhejiang.Body).Replace("\"city_code\": \"330100\"", "\"city_code\": \"110100\""));
        Assert.That(beijingCity, Is.Not.EqualTo(zhejiang.Body), "fixture changed: the city_code edit did not apply");

        // A Zhejiang payload under Beijing's routing key (headers consistent), and a Zhejiang payload naming a Beijing city.
        await publisher.PublishAsync("110000", zhejiang.Body, 1, messageId: "zhejiang-under-beijing");
        await publisher.PublishAsync("330000", beijingCity, 2, messageId: "beijing-city-in-zhejiang");
        await publisher.PublishAsync("330000", zhejiang.Body, 3, messageId: "good");

        await host.WaitForAsync("330000", zhejiang.Code, e => e.Sequence == 3);
        var byId = (await host.TakeErrorsAsync(2)).ToDictionary(m => m.BasicProperties.MessageId!);
        Assert.That(byId.Keys, Is.EquivalentTo(new[] { "zhejiang-under-beijing", "beijing-city-in-zhejiang" }));
        Assert.That(Header(byId["zhejiang-under-beijing"], StatusHeaders.ErrorReason), Is.EqualTo(IngestionReasonCodes.NormalizationFailed));
        Assert.That(Header(byId["beijing-city-in-zhejiang"], StatusHeaders.ErrorReason), Is.EqualTo(IngestionReasonCodes.NormalizationFailed));
        Assert.That(Header(byId["beijing-city-in-zhejiang"], StatusHeaders.ErrorDetail), Does.Contain("/city_code"));
        Assert.That((await host.Store.GetAsync("110000", zhejiang.Code)).Entry, Is.Null, "nothing stored under the claimed region");
    }

    private static string? Header(RabbitMQ.Client.BasicGetResult message, string name) =>
        AmqpHeaderValues.GetString(message.BasicProperties.Headers, name);
}
