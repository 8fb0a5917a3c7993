namespace HealthCode.Api.RateLimiting;

/// <summary>
/// HealthCode:RateLimit — a token bucket per API key. Defaults are generous: the limit guards against a runaway client,
/// not normal checkpoint traffic. Burst defaults to one second's permits.
/// </summary>
public sealed record RateLimitOptions
{
    public const string Section = "HealthCode:RateLimit";
    public int PermitsPerSecond { get; init; } = 2000;
    public int? Burst { get; init; }
    public int QueueLimit { get; init; }
}
