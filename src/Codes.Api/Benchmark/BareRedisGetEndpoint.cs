using HealthCode.Api.Composition;
using HealthCode.Verifier.Store;
using StackExchange.Redis;

namespace HealthCode.Api.Benchmark;

/// <summary>
/// The baseline for bench/verify: <c>POST /bench/redis-get</c> takes the verify body shape, does exactly one Redis
/// HGET of that code's status field and returns the value's length — Kestrel, JSON binding, one round trip, nothing else.
/// <c>POST /bench/store-get</c> (diagnostic) does the status store's lookup instead.
/// Mapped only when <c>HealthCode:Benchmark:BareEndpoint</c> is true (never in a real deployment), and only in the
/// real mode (it reads the Redis the store uses). No API key: the baseline has no auth, the verify under test does.
/// </summary>
public static class BareRedisGetEndpoint
{
    public const string EnabledKey = "HealthCode:Benchmark:BareEndpoint";
    public const string Path = "/bench/redis-get";
    public const string StorePath = "/bench/store-get";

    public sealed record BareRequest(string? Code, string? Issuer);

    public static WebApplication MapBenchmarkEndpoints(this WebApplication app)
    {
        if (!app.Configuration.GetValue<bool>(EnabledKey)) return app;
        var redis = app.Services.GetService<IConnectionMultiplexer>()
                    ?? throw new InvalidOperationException($"{EnabledKey} needs the real mode ({RunningMode.RedisKey}).");
        var storeOptions = app.Services.GetRequiredService<RedisStoreOptions>();
        var keys = new StatusKeys(storeOptions.KeyPrefix, storeOptions.StatusBuckets, storeOptions.HolderBuckets);

        app.MapPost(Path, async (BareRequest body) =>
            {
                if (string.IsNullOrEmpty(body.Code)) return Results.BadRequest();
                var member = StatusKeys.Member(body.Issuer ?? "310000", body.Code);
                var value = await redis.GetDatabase().HashGetAsync(keys.StatusBucket(member), member);
                return Results.Ok(new { length = value.IsNull ? 0 : ((byte[])value!).Length });
            })
            .AllowAnonymous()
            .ExcludeFromDescription();

        // Diagnostic between the two: the store's own lookup (one HGET, a second read for a holder with several codes, and decoding), without auth,
        // validation, policy or the verify response — splits verify's cost into store and the rest.
        app.MapPost(StorePath, async (BareRequest body, IStatusStore store) =>
            {
                if (string.IsNullOrEmpty(body.Code)) return Results.BadRequest();
                var lookup = await store.GetAsync(body.Issuer ?? "310000", body.Code);
                return Results.Ok(new { sequence = lookup.Entry?.Sequence ?? 0 });
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
        app.Logger.LogWarning("Benchmark endpoint {Path} is mapped ({Key}=true): never enable it in production", Path, EnabledKey);
        return app;
    }
}
