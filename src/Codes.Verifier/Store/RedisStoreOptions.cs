namespace HealthCode.Verifier.Store;

/// <summary>
/// KeyPrefix namespaces every key (tests use a random one). The timeouts bound each call on the client side,
/// because StackExchange.Redis 1.2.6 has no timeout for async operations.
/// </summary>
public sealed record RedisStoreOptions
{
    public string KeyPrefix { get; init; } = "hc:";
    public TimeSpan ReadTimeout { get; init; } = TimeSpan.FromMilliseconds(250);
    public TimeSpan WriteTimeout { get; init; } = TimeSpan.FromSeconds(2);
    /// <summary>At most this many other codes of one holder are returned (bounds the read script's work).</summary>
    public int MaxOtherCodes { get; init; } = 32;
}
