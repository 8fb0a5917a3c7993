using System.Globalization;
using System.Threading.RateLimiting;
using HealthCode.Api.Problems;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace HealthCode.Api.RateLimiting;

public static class RateLimitExtensions
{
    /// <summary>
    /// One token bucket per authenticated key (by key name); requests without a valid key share a bucket per client
    /// address, so guessing keys is limited too. Runs after authentication.
    /// </summary>
    public static IServiceCollection AddApiKeyRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>()
            .BindConfiguration(RateLimitOptions.Section)
            .Validate(o => o.PermitsPerSecond > 0, $"{RateLimitOptions.Section}:PermitsPerSecond must be positive")
            .Validate(o => o.Burst is null or > 0, $"{RateLimitOptions.Section}:Burst must be positive")
            .Validate(o => o.QueueLimit >= 0, $"{RateLimitOptions.Section}:QueueLimit must not be negative")
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((limiter, configured) =>
        {
            var options = configured.Value;
            var bucket = new TokenBucketRateLimiterOptions
            {
                TokenLimit = options.Burst ?? options.PermitsPerSecond,
                TokensPerPeriod = options.PermitsPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = options.QueueLimit,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            };
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RateLimitPartition.GetTokenBucketLimiter(PartitionKey(context), _ => bucket));
            limiter.OnRejected = OnRejected;
        });
        return services;
    }

    private static string PartitionKey(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, Name: { } name }
            ? "key:" + name
            : "anonymous:" + context.Connection.RemoteIpAddress;

    private static async ValueTask OnRejected(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var http = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Type = ProblemTypes.RateLimited,
                Title = "Too many requests for this API key.",
                Detail = $"Retry after {seconds} s.",
            },
        });
    }
}
