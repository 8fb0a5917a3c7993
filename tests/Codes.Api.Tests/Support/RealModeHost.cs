using System.Text;
using HealthCode.Verifier.Ingestion;
using HealthCode.Verifier.Store;
using HealthCode.Verifier.Transport;
using HealthCode.Verifier.Transport.RabbitMq;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;
using StackExchange.Redis;

namespace HealthCode.Api.Tests.Support;

/// <summary>
/// The one real-mode host of the tests: the API as Program composes it in the real mode (Redis store, RabbitMQ
/// transport), in memory, on this run's own exchange, queues and Redis key prefix (several worktrees share the test
/// servers), every log captured, and an <see cref="ObservedEvents"/> observer. Servers: <see cref="TestServers"/>,
/// started by scripts/services.sh start.
/// </summary>
public sealed class RealModeHost : IAsyncDisposable
{
    public const string HolderSecret = "real-mode-host-holder-secret-0123456789";
    private IConnection? _connection;
    private RegionalPublisher? _publisher;
    private HttpClient? _client;

    private RealModeHost(ApiFactory factory, RabbitMqTransportOptions options, string keyPrefix, ConnectionMultiplexer redis)
    {
        Factory = factory;
        Options = options;
        KeyPrefix = keyPrefix;
        Redis = redis;
    }

    public ApiFactory Factory { get; }
    public LogCapture Logs { get; } = new();
    public ObservedEvents Observed { get; } = new();
    public RabbitMqTransportOptions Options { get; }
    public string KeyPrefix { get; }

    /// <summary>The test's own connection to the test Redis (for reading what the service wrote), whatever the service was given.</summary>
    public ConnectionMultiplexer Redis { get; }

    /// <summary>A client with the development key (Development) — other environments configure keys and use <see cref="ApiFactory.ClientWithKey"/>.</summary>
    public HttpClient Client => _client ??= Factory.ClientWithKey();

    public IServiceProvider Services => Factory.Services;

    /// <summary>
    /// Starts the host and waits until its consumer is attached. <paramref name="settings"/> override the defaults
    /// (connection strings of <see cref="TestServers"/>, this run's key prefix, no samples, no practical rate limit);
    /// a null value removes a default. <paramref name="services"/> adds to the host's services last (an exporter, say).
    /// </summary>
    public static async Task<RealModeHost> StartAsync(string environment = "Development", IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var redis = ConnectionMultiplexer.Connect(RedisConnector.CreateOptions(TestServers.Redis, TimeSpan.FromSeconds(2)));
        if (!redis.IsConnected)
            Assert.Fail($"Redis is not reachable at {TestServers.Redis}. Start the test servers with scripts/services.sh start, or set HC_TEST_REDIS.");
        var run = Guid.NewGuid().ToString("N")[..12];
        var keyPrefix = $"hct:api:{run}:";
        var options = new RabbitMqTransportOptions
        {
            ConnectionString = TestServers.RabbitMq,
            Exchange = $"hc.status.test-{run}",
            IngestQueue = $"hc.status.test-{run}.ingest",
            ErrorQueue = $"hc.status.test-{run}.error",
        };
        var all = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = TestServers.Redis,
            ["ConnectionStrings:RabbitMq"] = TestServers.RabbitMq,
            ["HealthCode:Redis:KeyPrefix"] = keyPrefix,
            ["HealthCode:HolderSecret"] = HolderSecret,
            ["HealthCode:SeedSamples"] = "false",
            ["HealthCode:RateLimit:PermitsPerSecond"] = "1000000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;

        RealModeHost? host = null;
        var factory = new ApiFactory(environment, all)
        {
            ExtraServices = collection =>
            {
                host!.Logs.AddTo(collection);
                collection.AddSingleton<IStatusEventObserver>(host.Observed);
                collection.AddSingleton(options);
                // A fuzzed event that throws is retried FaultAttempts times; keep that quick.
                collection.Configure<IngestionOptions>(o => o.FaultRetryDelay = TimeSpan.FromMilliseconds(10));
                services?.Invoke(collection);
            },
        };
        host = new RealModeHost(factory, options, keyPrefix, redis);
        var ingestion = factory.Services.GetRequiredService<StatusIngestionService>(); // starts the host
        try { await ingestion.Consuming.WaitAsync(TimeSpan.FromSeconds(30)); }
        catch (TimeoutException) { Assert.Fail($"The consumer did not start on RabbitMQ at {TestServers.RabbitMq}: is scripts/services.sh start running?"); }
        var address = AmqpAddress.Parse(TestServers.RabbitMq);
        host._connection = await address.ApplyTo(new ConnectionFactory { ClientProvidedName = "hc-test-real-mode", AutomaticRecoveryEnabled = false })
            .CreateConnectionAsync(address.TcpEndpoints());
        host._publisher = await RegionalPublisher.OpenAsync(host._connection, options.Exchange);
        return host;
    }

    public bool IsConsuming => Factory.Services.GetRequiredService<StatusIngestionService>().IsConsuming;

    /// <summary>Publishes like a regional system on this run's exchange (see <see cref="RegionalPublisher.PublishAsync"/>).</summary>
    public Task PublishAsync(string region, byte[] body, long sequence, string? contentType, string messageId,
        Action<BasicProperties, Dictionary<string, object?>>? tamper = null) =>
        _publisher!.PublishAsync(region, body, sequence, contentType, messageId: messageId, tamper: tamper);

    /// <summary>Drains the error queue until <paramref name="count"/> messages arrived or the deadline passed.</summary>
    public Task<List<BasicGetResult>> TakeErrorsAsync(int count, TimeSpan deadline) =>
        ErrorQueue.TakeAsync(_connection!, Options.ErrorQueue, count, deadline);

    public static string? Header(BasicGetResult message, string name) => AmqpHeaderValues.GetString(message.BasicProperties.Headers, name);

    /// <summary>Every key under this run's prefix with its value(s) rendered as text (strings, hashes, sets, lists, sorted sets, streams).</summary>
    public async Task<IReadOnlyList<(string Key, string Value)>> RedisContentsAsync()
    {
        var server = Redis.GetServer(Redis.GetEndPoints()[0]);
        var db = Redis.GetDatabase();
        var result = new List<(string, string)>();
        foreach (var key in server.Keys(pattern: KeyPrefix + "*", pageSize: 1000).ToList())
        {
            var type = await db.KeyTypeAsync(key);
            var value = type switch
            {
                RedisType.String => Text((byte[]?)await db.StringGetAsync(key)),
                RedisType.Hash => string.Join("\n", (await db.HashGetAllAsync(key)).Select(e => $"{Text((byte[]?)e.Name)}={Text((byte[]?)e.Value)}")),
                RedisType.Set => string.Join("\n", (await db.SetMembersAsync(key)).Select(v => Text((byte[]?)v))),
                RedisType.List => string.Join("\n", (await db.ListRangeAsync(key)).Select(v => Text((byte[]?)v))),
                RedisType.SortedSet => string.Join("\n", (await db.SortedSetRangeByRankWithScoresAsync(key)).Select(e => Text((byte[]?)e.Element))),
                RedisType.Stream => string.Join("\n", (await db.StreamRangeAsync(key)).SelectMany(e => e.Values).Select(v => $"{Text((byte[]?)v.Name)}={Text((byte[]?)v.Value)}")),
                _ => $"<{type}>",
            };
            result.Add(((string)key!, value));
        }
        return result;
    }

    // Values are UTF-8 JSON or plain strings; a binary value would decode with replacement characters, still searchable.
    private static string Text(byte[]? bytes) => bytes is null ? "" : Encoding.UTF8.GetString(bytes);

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        if (_publisher is not null) await _publisher.DisposeAsync();
        try
        {
            await Factory.DisposeAsync();
        }
        finally
        {
            if (_connection is not null)
            {
                try
                {
                    await using var channel = await _connection.CreateChannelAsync();
                    await channel.QueueDeleteAsync(Options.IngestQueue);
                    await channel.QueueDeleteAsync(Options.ErrorQueue);
                    await channel.ExchangeDeleteAsync(Options.Exchange);
                }
                catch (Exception e)
                {
                    TestContext.Progress.WriteLine($"cleanup of test queues failed: {e.GetType().Name}");
                }
            }
            if (_connection is not null) await _connection.DisposeAsync();
            try
            {
                var server = Redis.GetServer(Redis.GetEndPoints()[0]);
                foreach (var key in server.Keys(pattern: KeyPrefix + "*", pageSize: 1000)) await Redis.GetDatabase().KeyDeleteAsync(key);
            }
            catch (RedisException) { /* best effort: a prefix per run never collides */ }
            Redis.Dispose();
        }
    }
}
