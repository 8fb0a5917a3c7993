using Microsoft.Extensions.DependencyInjection;

namespace HealthCode.Verifier.Transport.InProcess;

public static class InProcessTransportExtensions
{
    /// <summary>Embedded default: an in-process bus feeding the same <c>StatusEventConsumer</c>.</summary>
    public static IServiceCollection AddInProcessStatusTransport(this IServiceCollection services)
    {
        // Filled in by the embedded-mode implementation.
        return services;
    }
}
