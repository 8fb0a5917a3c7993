using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HealthCode.Verifier.Transport.InProcess;

public static class InProcessTransportExtensions
{
    /// <summary>
    /// Embedded default: an in-process bus feeding the same <c>StatusEventConsumer</c> (which the host registers, with a
    /// <see cref="TimeProvider"/>). Registers <see cref="IStatusEventPublisher"/> and the background worker.
    /// </summary>
    public static IServiceCollection AddInProcessStatusTransport(this IServiceCollection services, InProcessTransportOptions? options = null)
    {
        services.TryAddSingleton(options ?? new InProcessTransportOptions());
        services.TryAddSingleton<InProcessStatusEventQueue>();
        services.TryAddSingleton<IStatusEventPublisher>(sp => sp.GetRequiredService<InProcessStatusEventQueue>());
        services.AddHostedService<InProcessStatusEventWorker>();
        return services;
    }
}
