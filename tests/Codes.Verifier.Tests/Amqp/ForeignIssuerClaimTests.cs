using System.Text;
using HealthCode.Verifier.Ingestion;
using HealthCode.Verifier.Transport.RabbitMq;

namespace HealthCode.Verifier.Tests.Amqp;

[Category("Amqp")]
public sealed class ForeignIssuerClaimTests
{
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
