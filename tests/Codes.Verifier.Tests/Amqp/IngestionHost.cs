using System.Diagnostics.Metrics;
using HealthCode.Translator.Normalization;
using HealthCode.Translator.Profiles;
using HealthCode.Verifier.Ingestion;
using HealthCode.Verifier.Privacy;
using HealthCode.Verifier.Regional;
using HealthCode.Verifier.Store;
using HealthCode.Verifier.Tests.Support;
using HealthCode.Verifier.Transport;
using HealthCode.Verifier.Transport.RabbitMq;
using HealthCode.Verifier.Trust;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using StackExchange.Redis;

namespace HealthCode.Verifier.Tests.Amqp;

/// <summary>
/// The real-mode graph without the HTTP host: real catalog and normalizer, Redis store under a fresh key prefix (or a
/// store of the test's own, for tests about the broker alone), the real StatusEventConsumer, and AddRabbitMqStatusTransport on
/// an exchange and queues of this run's own (so runs in parallel worktrees never steal each other's deliveries), on
/// the shared test broker or another one. Deleted again on dispose.
/// </summary>
public sealed class IngestionHost : IAsyncDisposable
{
    public const string HolderSecret = "amqp-tests-holder-secret-0123456789";
    private static readonly Lazy<RegionCatalog> Catalog = new(() => RegionCatalog.LoadFromDirectory(AmqpTestEnvironment.RegionsDirectory));

    private IngestionHost(IHost host, ConnectionMultiplexer? redis, RabbitMqTransportOptions options, string keyPrefix)
    {
        Host = host;
        Counts = new MeterCounts(host.Services.GetRequiredService<IMeterFactory>());
        Redis = redis;
        Options = options;
        KeyPrefix = keyPrefix;
    }

    public IHost Host { get; }
    /// <summary>Null when the host runs on a store of the test's own.</summary>
    public ConnectionMultiplexer? Redis { get; }
    public RabbitMqTransportOptions Options { get; }
    public string KeyPrefix { get; }
    public IStatusStore Store => Host.Services.GetRequiredService<IStatusStore>();
    public StatusEventConsumer Consumer => Host.Services.GetRequiredService<StatusEventConsumer>();
    /// <summary>The ingestion and transport meters of this host, since it started.</summary>
    public MeterCounts Counts { get; }
    public StatusIngestionService Ingestion => Host.Services.GetRequiredService<StatusIngestionService>();
    public IStatusEventPublisher Publisher => Host.Services.GetRequiredService<IStatusEventPublisher>();
    public IRegionalLedger Ledger => Host.Services.GetRequiredService<IRegionalLedger>();
    public HealthCode.Verifier.Regional.Snapshots.SnapshotCoordinator Snapshots => Host.Services.GetRequiredService<HealthCode.Verifier.Regional.Snapshots.SnapshotCoordinator>();
    public HealthCode.Verifier.Regional.Snapshots.ISnapshotStore SnapshotStore => Host.Services.GetRequiredService<HealthCode.Verifier.Regional.Snapshots.ISnapshotStore>();
    public static RegionCatalog Regions => Catalog.Value;

    /// <param name="broker">The connection string (default <see cref="TestServers.RabbitMq"/>; several hosts for a cluster).</param>
    /// <param name="store">A store instead of Redis (which then need not run): for tests of the broker side alone.</param>
    public static async Task<IngestionHost> StartAsync(Func<RabbitMqTransportOptions, RabbitMqTransportOptions>? tune = null,
        Action<IngestionOptions>? ingestionOptions = null, string? broker = null, IStatusStore? store = null)
    {
        broker ??= TestServers.RabbitMq;
        // Fail with a clear message before building anything if either server is missing.
        await (await AmqpTestEnvironment.ConnectAsync(broker)).DisposeAsync();
        var redis = store is null ? AmqpTestEnvironment.ConnectRedis() : null;
        var run = Guid.NewGuid().ToString("N")[..12];
        var options = new RabbitMqTransportOptions
        {
            ConnectionString = broker,
            Exchange = $"hc.status.test-{run}",
            IngestQueue = $"hc.status.test-{run}.ingest",
            ErrorQueue = $"hc.status.test-{run}.error",
        };
        options = tune?.Invoke(options) ?? options;
        var keyPrefix = $"hct:amqp:{run}:";

        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        var services = builder.Services;
        services.AddSingleton<IRegionCatalog>(Regions);
        services.AddSingleton<INormalizer>(new Normalizer());
        services.AddSingleton(store ?? new RedisStatusStore(redis!, new RedisStoreOptions { KeyPrefix = keyPrefix }, TimeProvider.System));
        services.AddSingleton(HolderKeys.FromSecret(HolderSecret));
        services.AddSingleton(TimeProvider.System);
        services.AddVerifierOptions();
        if (ingestionOptions is not null) services.Configure(ingestionOptions);
        services.AddRegionSignatureTrust(builder.Configuration);
        services.AddSingleton<IngestionMetrics>();
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<StatusEventConsumer>(sp));
        services.AddRabbitMqStatusTransport(options);
        services.AddRegionalFeedback();

        var host = builder.Build();
        using var startDeadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await host.StartAsync(startDeadline.Token);
        var ingestion = host.Services.GetRequiredService<StatusIngestionService>();
        // Generous: on a loaded 2-core machine the first connect and declare can take a while; the wait still has a deadline.
        try { await ingestion.Consuming.WaitAsync(TimeSpan.FromSeconds(60)); }
        catch (TimeoutException) { Assert.Fail($"The consumer did not start on RabbitMQ at {AmqpAddress.Parse(broker)} within 60 s: is scripts/services.sh start running?"); }
        return new IngestionHost(host, redis, options, keyPrefix);
    }

    /// <summary>Polls the store until the entry satisfies the condition, or fails after the deadline.</summary>
    public async Task<StatusEntry> WaitForAsync(string issuer, string code, Func<StatusEntry, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        StatusEntry? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                last = (await Store.GetAsync(issuer, code)).Entry;
                if (last is not null && condition(last)) return last;
            }
            catch (StoreUnavailableException)
            {
                // Redis restarting in the fault test: keep polling until the deadline.
            }
            await Task.Delay(20);
        }
        Assert.Fail($"Status of {issuer}/{code} did not reach the expected state in time; last seen: " +
                    (last is null ? "none" : $"sequence {last.Sequence}, level {last.Level}, revoked {last.Revoked}"));
        throw new InvalidOperationException("unreachable");
    }

    /// <summary>Takes up to <paramref name="count"/> messages from the error queue (waits for them up to the deadline).</summary>
    public async Task<List<BasicGetResult>> TakeErrorsAsync(int count, TimeSpan? timeout = null)
    {
        await using var connection = await AmqpTestEnvironment.ConnectAsync(Options.ConnectionString);
        return await ErrorQueue.TakeAsync(connection, Options.ErrorQueue, count, timeout ?? TimeSpan.FromSeconds(20));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await Host.StopAsync(stop.Token);
        }
        finally
        {
            Counts.Dispose();
            Host.Dispose();
            try
            {
                await using var connection = await AmqpTestEnvironment.ConnectAsync(Options.ConnectionString);
                await using var channel = await connection.CreateChannelAsync();
                await channel.QueueDeleteAsync(Options.IngestQueue);
                await channel.QueueDeleteAsync(Options.ErrorQueue);
                await channel.ExchangeDeleteAsync(Options.Exchange);
            }
            catch (Exception e)
            {
                TestContext.Progress.WriteLine($"cleanup of test queues failed: {e.GetType().Name}");
            }
            if (Redis is not null)
            {
                var server = Redis.GetServer(Redis.GetEndPoints()[0]);
                var db = Redis.GetDatabase();
                try
                {
                    foreach (var key in server.Keys(pattern: KeyPrefix + "*", pageSize: 1000)) db.KeyDelete(key);
                }
                catch (RedisException) { /* best effort: a prefix per run never collides */ }
                Redis.Dispose();
            }
        }
    }
}
