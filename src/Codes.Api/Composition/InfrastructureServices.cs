using HealthCode.Api.Health;
using HealthCode.Api.Samples;
using HealthCode.Verifier.Store;
using HealthCode.Verifier.Transport;
using HealthCode.Verifier.Transport.InProcess;
using HealthCode.Verifier.Transport.RabbitMq;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace HealthCode.Api.Composition;

/// <summary>Store and bus per <see cref="RunningMode"/>, the sample seeding, and the readiness checks.</summary>
public static class InfrastructureServices
{
    /// <summary>HealthCode:Redis: KeyPrefix namespaces every Redis key, so several deployments (or test runs) can share one Redis.</summary>
    public const string RedisSection = "HealthCode:Redis";

    public static IServiceCollection AddStatusInfrastructure(this IServiceCollection services, RunningMode mode)
    {
        services.AddSingleton(mode);
        if (mode.Embedded)
        {
            services.AddSingleton<IStatusStore, InMemoryStatusStore>();
            services.AddInProcessStatusTransport();
        }
        else
        {
            services.AddOptions<RedisStoreOptions>()
                .BindConfiguration(RedisSection)
                .Validate(o => !string.IsNullOrEmpty(o.KeyPrefix), $"{RedisSection}:KeyPrefix must not be empty")
                .Validate(o => o.ReadTimeout > TimeSpan.Zero && o.WriteTimeout > TimeSpan.Zero, $"{RedisSection}:ReadTimeout and :WriteTimeout must be positive")
                .Validate(o => o.MaxOtherCodes > 0, $"{RedisSection}:MaxOtherCodes must be positive")
                .Validate(o => o.StatusBuckets > 0, $"{RedisSection}:StatusBuckets must be positive")
                .Validate(o => o.HolderBuckets > 0, $"{RedisSection}:HolderBuckets must be positive")
                .Validate(o => o.ReplicaAcks >= 0, $"{RedisSection}:ReplicaAcks must be 0 (no wait) or more")
                .Validate(o => o.ReplicaAckTimeout > TimeSpan.Zero, $"{RedisSection}:ReplicaAckTimeout must be positive")
                .ValidateOnStart();
            services.AddSingleton(sp => sp.GetRequiredService<IOptions<RedisStoreOptions>>().Value);
            // RedisConnector never throws when Redis is down: start-up goes on and the store reports unavailable until it connects.
            services.AddSingleton<IConnectionMultiplexer>(_ => RedisConnector.Connect(mode.Redis!));
            services.TryAddSingleton(TimeProvider.System);
            // Writes get a connection of their own when they wait for replicas (WAIT holds the connection it is sent on).
            services.AddSingleton(sp => sp.GetRequiredService<RedisStoreOptions>() is { ReplicaAcks: > 0 } options
                ? new ReplicaAcknowledgement(RedisConnector.Connect(mode.Redis!), options, sp.GetRequiredService<TimeProvider>(),
                    sp.GetRequiredService<ILogger<ReplicaAcknowledgement>>(), sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>())
                : ReplicaAcknowledgement.Disabled);
            services.AddSingleton<IStatusStore>(sp => new RedisStatusStore(sp.GetRequiredService<IConnectionMultiplexer>(),
                sp.GetRequiredService<RedisStoreOptions>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ReplicaAcknowledgement>()));
            services.AddOptions<RabbitMqConsumerOptions>().BindConfiguration(RabbitMqConsumerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
            services.AddRabbitMqStatusTransport(mode.RabbitMq!);
        }
        // Without a publisher, status events posted over HTTP would have nowhere to go: refuse to start rather than lose them.
        if (!services.Any(d => d.ServiceType == typeof(IStatusEventPublisher)))
            throw new InvalidOperationException($"The {mode.Name} status transport registered no {nameof(IStatusEventPublisher)}.");

        if (mode.SeedSamples) services.AddHostedService<SampleSeeder>();

        DataFilesHealthCheck.AddTo(services.AddHealthChecks().AddCheck<StatusStoreHealthCheck>("status-store", tags: [HealthEndpoints.ReadyTag]));
        return services;
    }
}
