using StackExchange.Redis;

namespace HealthCode.Verifier.Store;

/// <summary>
/// Connects without throwing when Redis is down at start-up: the multiplexer keeps reconnecting in the
/// background, and until then every store call fails fast as <see cref="StoreUnavailableException"/>
/// (verify answers manual, ingestion retries).
/// </summary>
public static class RedisConnector
{
    public static ConfigurationOptions CreateOptions(string configuration, TimeSpan? connectTimeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(configuration);
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = (int)(connectTimeout ?? TimeSpan.FromSeconds(1)).TotalMilliseconds;
        options.ConnectRetry = 1;
        options.KeepAlive = 60;
        return options;
    }

    /// <param name="configuration">e.g. "127.0.0.1:6379" (1.2.6 connects over IPv4 only, so prefer an address to "localhost").</param>
    public static Task<ConnectionMultiplexer> ConnectAsync(string configuration, TimeSpan? connectTimeout = null, TextWriter? log = null) =>
        ConnectionMultiplexer.ConnectAsync(CreateOptions(configuration, connectTimeout), log);

    public static ConnectionMultiplexer Connect(string configuration, TimeSpan? connectTimeout = null, TextWriter? log = null) =>
        ConnectionMultiplexer.Connect(CreateOptions(configuration, connectTimeout), log);
}
