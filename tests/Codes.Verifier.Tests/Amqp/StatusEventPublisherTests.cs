using HealthCode.Verifier.Ingestion;
using HealthCode.Verifier.Transport.RabbitMq;

namespace HealthCode.Verifier.Tests.Amqp;

[Category("Amqp")]
public sealed class StatusEventPublisherTests
{
    [Test]
    public async Task Publish_that_no_queue_would_receive_fails_instead_of_being_confirmed_and_dropped()
    {
        // The ingest queue here only listens to 310000, so a 110000 event is unroutable.
        await using var host = await IngestionHost.StartAsync(o => o with { BindingKey = "310000" });
        var sample = RegionSample.Get("110000", "green");
        var e = new InboundStatusEvent("110000", "110000", "1", null, "application/json", sample.Body, null, null, null, null, "http");

        var thrown = Assert.ThrowsAsync<BrokerPublishException>(() => host.Publisher.PublishAsync(e));

        Assert.That(thrown!.Message, Does.Contain("could not route"));
    }

    [Test]
    public async Task Publish_carries_the_contract_properties_and_only_the_headers_present()
    {
        await using var host = await IngestionHost.StartAsync(o => o with { BindingKey = "no-region" });
        await using var admin = await AmqpTestEnvironment.ConnectAsync();
        await using var watch = await admin.CreateChannelAsync();
        var queue = (await watch.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true)).QueueName;
        await watch.QueueBindAsync(queue, host.Options.Exchange, "330000");
        var body = RegionSample.Get("330000", "green").Body;
        var at = new DateTimeOffset(2022, 6, 6, 14, 42, 0, TimeSpan.Zero);

        await host.Publisher.PublishAsync(new InboundStatusEvent("330000", "330000", "17", "revoke", "application/json", body, "m-17", at,
            "c2lnbmF0dXJl", null, "http"));

        var got = await watch.BasicGetAsync(queue, autoAck: true);
        Assert.That(got, Is.Not.Null);
        var p = got!.BasicProperties;
        Assert.That((got.RoutingKey, p.ContentType, p.MessageId, p.Persistent, p.Timestamp.UnixTime),
            Is.EqualTo(("330000", "application/json", "m-17", true, at.ToUnixTimeSeconds())));
        Assert.That(p.Headers!["hc-sequence"], Is.EqualTo(17L), "an int64, as the contract says");
        Assert.That(AmqpHeaderValues.GetString(p.Headers, "hc-region"), Is.EqualTo("330000"));
        Assert.That(AmqpHeaderValues.GetString(p.Headers, "hc-kind"), Is.EqualTo("revoke"));
        Assert.That(AmqpHeaderValues.GetString(p.Headers, "hc-signature"), Is.EqualTo("c2lnbmF0dXJl"));
        Assert.That(p.Headers.ContainsKey("hc-key-id"), Is.False);
        Assert.That(got.Body.ToArray(), Is.EqualTo(body));
    }
}
