using HealthCode.Testing;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace HealthCode.Verifier.Tests.Amqp;

/// <summary>
/// "A publisher may write only its own region", enforced by RabbitMQ itself: the per-region users and topic
/// permissions of deploy/rabbitmq/definitions.json, on the real hc.status exchange.
/// </summary>
[Category("Amqp")]
public sealed class BrokerAuthorizationTests
{
    private const string Password110000 = "hc-test-110000";   // test-only, see deploy/rabbitmq/README.md

    [Test]
    public async Task Region_user_can_publish_with_its_own_routing_key()
    {
        // Watch the exchange with a private queue so the test proves delivery, not just the confirm.
        await using var admin = await AmqpTestEnvironment.ConnectAsync();
        await using var watch = await admin.CreateChannelAsync();
        var queue = (await watch.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true)).QueueName;
        await watch.QueueBindAsync(queue, "hc.status", "110000");
        var sample = RegionSample.Get("110000", "green");
        var messageId = Guid.NewGuid().ToString("N");

        await using (var region = await AmqpTestEnvironment.OpenPublisherAsync("hc.status", TestServers.RabbitMqAs("region-110000", Password110000)))
            await region.PublishAsync("110000", sample.Body, 1, messageId: messageId);

        var got = await watch.BasicGetAsync(queue, autoAck: true);
        Assert.That(got?.BasicProperties.MessageId, Is.EqualTo(messageId));
    }

    [Test]
    public async Task Region_user_cannot_publish_with_another_regions_routing_key()
    {
        await using var region = await AmqpTestEnvironment.OpenPublisherAsync("hc.status", TestServers.RabbitMqAs("region-110000", Password110000));
        var sample = RegionSample.Get("310000", "green");

        var thrown = Assert.CatchAsync(async () => await region.PublishAsync("310000", sample.Body, 1));

        Assert.That(thrown, Is.InstanceOf<OperationInterruptedException>().Or.InstanceOf<AlreadyClosedException>().Or.InstanceOf<PublishException>());
        var reason = await WaitForCloseReasonAsync(region.Channel);
        Assert.That(reason.ReplyCode, Is.EqualTo(Constants.AccessRefused));
        Assert.That(reason.ReplyText, Does.StartWith("ACCESS_REFUSED").And.Contain("310000"));
    }

    [Test]
    public async Task Region_user_cannot_publish_to_another_exchange()
    {
        await using var region = await AmqpTestEnvironment.OpenPublisherAsync("amq.topic", TestServers.RabbitMqAs("region-110000", Password110000));

        Assert.CatchAsync(async () => await region.PublishAsync("110000", "{}"u8.ToArray(), 1));

        Assert.That((await WaitForCloseReasonAsync(region.Channel)).ReplyCode, Is.EqualTo(Constants.AccessRefused));
    }

    private static async Task<ShutdownEventArgs> WaitForCloseReasonAsync(IChannel channel)
    {
        await Poll.Until(() => channel.CloseReason is not null, TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(10));
        Assert.That(channel.CloseReason, Is.Not.Null, "the broker closes the channel");
        return channel.CloseReason!;
    }
}
