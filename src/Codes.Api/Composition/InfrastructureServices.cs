using HealthCode.Api.Health;
using HealthCode.Api.Samples;
using HealthCode.Verifier.Store;
using HealthCode.Verifier.Transport;
using HealthCode.Verifier.Transport.InProcess;
using HealthCode.Verifier.Transport.RabbitMq;
using StackExchange.Redis;

namespace HealthCode.Api.Composition;

/// <summary>Store and bus per <see cref="RunningMode"/>, the sample seeding, and the readiness checks.</summary>
public static class InfrastructureServices
{
    /// <summary>Namespaces every Redis key, so several deployments (or test runs) can share one Redis.</summary>
    public const string RedisKeyPrefixKey = "HealthCode:Redis:KeyPrefix";

    public static IServiceCollection AddStatusInfrastructure(this IServiceCollection services, RunningMode mode, IConfiguration configuration)
    {
        services.AddSingleton(mode);
        if (mode.Redis is { } redis)
        {
            // RedisConnector never throws when Redis is down: start-up goes on and the store reports unavailable until it connects.
            services.AddSingleton<IConnectionMultiplexer>(_ => RedisConnector.Connect(redis));
            var options = configuration[RedisKeyPrefixKey] is { Length: > 0 } prefix ? new RedisStoreOptions { KeyPrefix = prefix } : new RedisStoreOptions();
            services.AddSingleton<IStatusStore>(sp => new RedisStatusStore(sp.GetRequiredService<IConnectionMultiplexer>(), options));
        }
        else
        {
            services.AddSingleton<IStatusStore>(sp => new InMemoryStatusStore(sp.GetRequiredService<TimeProvider>()));
        }

        if (mode.RabbitMq is { } rabbit) services.AddRabbitMqStatusTransport(rabbit);
        else services.AddInProcessStatusTransport();
        // Without a publisher, status events posted over HTTP would have nowhere to go: refuse to start rather than lose them.
        if (!services.Any(d => d.ServiceType == typeof(IStatusEventPublisher)))
            throw new InvalidOperationException($"The {(mode.RabbitMq is null ? "in-process" : "RabbitMQ")} status transport registered no {nameof(IStatusEventPublisher)}.");

        if (mode.SeedSamples) services.AddHostedService<SampleSeeder>();

        services.AddHealthChecks().AddCheck<StatusStoreHealthCheck>("status-store", tags: [HealthEndpoints.ReadyTag]);
        return services;
    }
}
