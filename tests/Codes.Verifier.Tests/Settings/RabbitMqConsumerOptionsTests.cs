using System.ComponentModel.DataAnnotations;
using HealthCode.Verifier.Transport.RabbitMq;

namespace HealthCode.Verifier.Tests.Settings;

public sealed class RabbitMqConsumerOptionsTests
{
    private static bool IsValid(object options) =>
        Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true);

    [Test]
    public void Unset_values_keep_the_transport_options_given_in_code()
    {
        var given = new RabbitMqTransportOptions { PrefetchCount = 7, ConcurrentHandlers = 3 };
        var applied = new RabbitMqConsumerOptions().ApplyTo(given);
        Assert.That((applied.PrefetchCount, applied.ConcurrentHandlers), Is.EqualTo(((ushort)7, (ushort)3)));
    }

    [Test]
    public void Set_values_replace_the_prefetch_and_the_handler_count()
    {
        var applied = new RabbitMqConsumerOptions { PrefetchCount = 256, ConcurrentHandlers = 64 }.ApplyTo(new RabbitMqTransportOptions());
        Assert.That((applied.PrefetchCount, applied.ConcurrentHandlers), Is.EqualTo(((ushort)256, (ushort)64)));
    }

    [Test]
    public void More_handlers_than_prefetched_deliveries_is_refused() =>
        Assert.That((IsValid(new RabbitMqConsumerOptions()), IsValid(new RabbitMqConsumerOptions { ConcurrentHandlers = new RabbitMqTransportOptions().PrefetchCount + 1 }),
            IsValid(new RabbitMqConsumerOptions { PrefetchCount = 0 })), Is.EqualTo((true, false, false)));
}
