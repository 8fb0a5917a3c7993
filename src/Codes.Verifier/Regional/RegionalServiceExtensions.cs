using HealthCode.Verifier.Regional.Snapshots;
using HealthCode.Verifier.Store;
using HealthCode.Verifier.Transport.RabbitMq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace HealthCode.Verifier.Regional;

public static class RegionalServiceExtensions
{
    /// <summary>
    /// What regional systems use to learn what became of their events (docs/regional-systems.md): the regional ledger
    /// and snapshot store (on Redis beside a <see cref="RedisStatusStore"/>, with its prefix and timeouts; in memory
    /// beside the in-memory store), the <see cref="OutcomeRecorder"/> the ingestion pipeline writes through, the snapshot
    /// coordinator and its worker, the AMQP snapshot intake, and <see cref="RegionalOptions"/> (validated at start).
    /// The host registers the <see cref="IStatusStore"/>, the region catalog, the normalizer and a TimeProvider.
    /// </summary>
    public static IServiceCollection AddRegionalFeedback(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<RegionalOptions>().BindConfiguration(RegionalOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<IRegionalLedger>(sp => Beside<IRegionalLedger>(sp,
            redis => new RedisRegionalLedger(redis.Connection, redis.Options, sp.GetRequiredService<IOptions<RegionalOptions>>()),
            () => new InMemoryRegionalLedger(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<RegionalOptions>>())));
        services.TryAddSingleton<ISnapshotStore>(sp => Beside<ISnapshotStore>(sp,
            redis => new RedisSnapshotStore(redis.Connection, redis.Options, sp.GetRequiredService<IOptions<RegionalOptions>>()),
            () => new InMemorySnapshotStore(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<RegionalOptions>>())));
        services.TryAddSingleton<OutcomeRecorder>();
        services.TryAddSingleton<SnapshotCoordinator>();
        services.TryAddSingleton<AmqpSnapshotIntake>();
        services.AddHostedService<SnapshotWorker>();
        return services;
    }

    // The ledger lives where the statuses live. A store of another type (a test's stand-in) gets the in-memory ledger,
    // unless Redis is configured: then the composition is wrong, and starting would lose every outcome.
    private static T Beside<T>(IServiceProvider sp, Func<RedisStatusStore, T> onRedis, Func<T> inMemory) =>
        Underlying(sp.GetRequiredService<IStatusStore>()) switch
        {
            RedisStatusStore redis => onRedis(redis),
            InMemoryStatusStore => inMemory(),
            var other when sp.GetService<IConnectionMultiplexer>() is not null => throw new InvalidOperationException(
                $"Redis is configured but the status store is a {other.GetType().Name}: the regional ledger cannot be placed beside it."),
            _ => inMemory(),
        };

    private static IStatusStore Underlying(IStatusStore store) => store is IStatusStoreDecorator decorator ? Underlying(decorator.Inner) : store;
}
