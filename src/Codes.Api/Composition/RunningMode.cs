namespace HealthCode.Api.Composition;

/// <summary>
/// Which infrastructure this process uses (DESIGN.md §7), decided once from configuration. Embedded = no Redis:
/// the in-memory store, and by default the samples are seeded.
/// </summary>
public sealed record RunningMode(string? Redis, string? RabbitMq, bool SeedSamples)
{
    public const string RedisKey = "ConnectionStrings:Redis";
    public const string RabbitMqKey = "ConnectionStrings:RabbitMq";
    public const string SeedSamplesKey = "HealthCode:SeedSamples";

    public bool Embedded => Redis is null;

    public static RunningMode From(IConfiguration configuration)
    {
        var redis = NullIfBlank(configuration[RedisKey]);
        var rabbit = NullIfBlank(configuration[RabbitMqKey]);
        var seed = configuration.GetValue<bool?>(SeedSamplesKey) ?? redis is null;
        return new RunningMode(redis, rabbit, seed);
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
