using HealthCode.Verifier.Transport.RabbitMq;
using StackExchange.Redis;

namespace HealthCode.Api.Composition;

/// <summary>
/// Which infrastructure this process uses (DESIGN.md §7), decided once while composing, before any service exists:
/// the mode chooses which services are registered, so it cannot wait for options validation at start.
/// Embedded = in-memory store and in-process bus; real = Redis and RabbitMQ, both required.
/// </summary>
public sealed record RunningMode(bool Embedded, string? Redis, string? RabbitMq, bool SeedSamples)
{
    public const string ModeKey = "HealthCode:Mode";
    public const string EmbeddedName = "embedded";
    public const string RealName = "real";
    public const string RedisKey = "ConnectionStrings:Redis";
    public const string RabbitMqKey = "ConnectionStrings:RabbitMq";
    public const string SeedSamplesKey = "HealthCode:SeedSamples";

    public string Name => Embedded ? EmbeddedName : RealName;

    /// <summary>
    /// Development without connection strings is embedded; anywhere else the mode is real unless
    /// <see cref="ModeKey"/> asks for embedded. Nothing falls back silently: a contradiction or a gap is a
    /// <see cref="ConfigurationException"/> naming the key.
    /// </summary>
    public static RunningMode Resolve(IConfiguration configuration, IHostEnvironment environment)
    {
        var redis = NullIfBlank(configuration[RedisKey]);
        var rabbit = NullIfBlank(configuration[RabbitMqKey]);
        var explicitMode = NullIfBlank(configuration[ModeKey]);
        var embedded = explicitMode switch
        {
            null => environment.IsDevelopment() && redis is null && rabbit is null,
            _ when explicitMode.Equals(EmbeddedName, StringComparison.OrdinalIgnoreCase) => true,
            _ when explicitMode.Equals(RealName, StringComparison.OrdinalIgnoreCase) => false,
            _ => throw new ConfigurationException(ModeKey, $"must be '{EmbeddedName}' or '{RealName}', not '{explicitMode}'"),
        };

        if (embedded)
        {
            // An operator who configured Redis would otherwise run on memory without noticing.
            var configured = redis is not null ? RedisKey : rabbit is not null ? RabbitMqKey : null;
            if (configured is not null)
                throw new ConfigurationException(configured, $"is set, but {ModeKey} is '{EmbeddedName}' (in-memory store, in-process bus): remove one of them");
        }
        else
        {
            var why = explicitMode is not null ? "in the real mode"
                : environment.IsDevelopment() ? "too: with one connection string configured the mode is real (configure neither for the embedded mode)"
                : $"outside Development (or set {ModeKey}={EmbeddedName} for the in-memory store)";
            if (redis is null) throw new ConfigurationException(RedisKey, "is required " + why);
            if (rabbit is null) throw new ConfigurationException(RabbitMqKey, "is required " + why);
            CheckRedis(redis);
            CheckRabbitMq(rabbit);
        }

        return new RunningMode(embedded, redis, rabbit, ResolveSeed(configuration, environment, embedded));
    }

    private static bool ResolveSeed(IConfiguration configuration, IHostEnvironment environment, bool embedded)
    {
        var text = NullIfBlank(configuration[SeedSamplesKey]);
        if (text is null) return embedded && environment.IsDevelopment();
        if (!bool.TryParse(text, out var seed)) throw new ConfigurationException(SeedSamplesKey, $"must be true or false, not '{text}'");
        // Samples are test data: in production they would answer accept for codes nobody issued.
        if (seed && !environment.IsDevelopment())
            throw new ConfigurationException(SeedSamplesKey, $"is true outside Development ({environment.EnvironmentName}): samples are never seeded there");
        return seed;
    }

    // The values may hold passwords: the messages name the key, never the value.
    private static void CheckRedis(string redis)
    {
        try
        {
            ConfigurationOptions.Parse(redis);
        }
        catch (ArgumentException)
        {
            throw new ConfigurationException(RedisKey, "is not a valid Redis configuration string (e.g. 127.0.0.1:6379)");
        }
    }

    // AmqpAddress's problems quote a scheme or a host entry at most, never the credentials.
    private static void CheckRabbitMq(string rabbit)
    {
        if (!AmqpAddress.TryParse(rabbit, out _, out var problem))
            throw new ConfigurationException(RabbitMqKey, $"is not a valid RabbitMQ address: {problem}; " +
                "expected amqp[s]://user:password@host[:port][,host[:port]...][/vhost], one host or the nodes of a cluster");
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
