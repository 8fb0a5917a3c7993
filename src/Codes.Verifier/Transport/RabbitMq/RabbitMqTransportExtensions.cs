using Microsoft.Extensions.DependencyInjection;

namespace HealthCode.Verifier.Transport.RabbitMq;

public static class RabbitMqTransportExtensions
{
    /// <summary>Real mode: raw native payloads from the hc.status exchange feeding the same <c>StatusEventConsumer</c>.</summary>
    public static IServiceCollection AddRabbitMqStatusTransport(this IServiceCollection services, string connectionString)
    {
        // Filled in by the RabbitMQ implementation.
        return services;
    }
}
