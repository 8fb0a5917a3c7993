using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HealthCode.Api.Tests.Support;

/// <summary>
/// The real host in memory. Settings go in as host settings so Program sees them while composing (mode, secret, rate
/// limit); the clock is a <see cref="ManualClock"/> starting now.
/// </summary>
public sealed class ApiFactory(string environment = "Development", IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    public const string DevKey = "dev-local-key";

    public ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);

    public Action<IServiceCollection>? ExtraServices { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            ExtraServices?.Invoke(services);
        });
    }

    public HttpClient ClientWithKey(string? key = DevKey)
    {
        var client = CreateClient();
        if (key is not null) client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public const string ProductionSecret = "a-production-holder-secret-of-32-bytes-or-more";

    /// <summary>
    /// Production on the in-memory store, as asked for explicitly (HealthCode:Mode=embedded) with a holder secret;
    /// <paramref name="settings"/> add to or override those (a null value removes one).
    /// </summary>
    public static ApiFactory ProductionEmbedded(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?> { ["HealthCode:Mode"] = "embedded", ["HealthCode:HolderSecret"] = ProductionSecret };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        return new ApiFactory("Production", all);
    }

    /// <summary>Keys for role tests: one per role, plus a Beijing publisher.</summary>
    public static Dictionary<string, string?> RoleKeys() => new()
    {
        ["Auth:ApiKeys:gate:Key"] = Keys.Checkpoint,
        ["Auth:ApiKeys:gate:Roles:0"] = "checkpoint",
        ["Auth:ApiKeys:tools:Key"] = Keys.Integrator,
        ["Auth:ApiKeys:tools:Roles:0"] = "integrator",
        ["Auth:ApiKeys:beijing:Key"] = Keys.BeijingPublisher,
        ["Auth:ApiKeys:beijing:Roles:0"] = "publisher:110000",
        ["Auth:ApiKeys:ops:Key"] = Keys.Admin,
        ["Auth:ApiKeys:ops:Roles:0"] = "admin",
    };
}
