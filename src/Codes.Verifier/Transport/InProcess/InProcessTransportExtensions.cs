using HealthCode.Verifier.Ingestion;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HealthCode.Verifier.Transport.InProcess;

public static class InProcessTransportExtensions
{
    /// <summary>
    /// Embedded default: an in-process bus feeding the same <see cref="IngestionPipeline"/> (the host registers
    /// <c>StatusEventConsumer</c> and what it needs, and a <see cref="TimeProvider"/>). Registers
    /// <see cref="IStatusEventPublisher"/> and the background worker.
    /// </summary>
    public static IServiceCollection AddInProcessStatusTransport(this IServiceCollection services, InProcessTransportOptions? options = null)
    {
        services.TryAddSingleton(options ?? new InProcessTransportOptions());
        services.TryAddSingleton<IngestionPipeline>();
        services.TryAddSingleton<InProcessStatusEventQueue>();
        services.TryAddSingleton<IStatusEventPublisher>(sp => sp.GetRequiredService<InProcessStatusEventQueue>());
        services.AddHostedService<InProcessStatusEventWorker>();
        return services;
    }
}
