using System.Security.Cryptography;
using System.Text;

namespace HealthCode.Api.Auth;

/// <summary>
/// The keys of Auth:ApiKeys:&lt;name&gt;:Key / :Roles:&lt;i&gt;. In Development with none configured, <see cref="DevelopmentKey"/>
/// holds every role; elsewhere no keys means no access.
/// </summary>
public sealed class ApiKeyRegistry
{
    public const string Section = "Auth:ApiKeys";
    public const string DevelopmentKey = "dev-local-key";
    private readonly ApiKey[] _keys;

    public ApiKeyRegistry(IEnumerable<ApiKey> keys, bool usesDevelopmentKey)
    {
        _keys = keys.ToArray();
        UsesDevelopmentKey = usesDevelopmentKey;
    }

    public bool UsesDevelopmentKey { get; }

    public int Count => _keys.Length;

    public static ApiKeyRegistry FromConfiguration(IConfiguration configuration, IHostEnvironment environment)
    {
        var keys = new List<ApiKey>();
        foreach (var entry in configuration.GetSection(Section).GetChildren())
        {
            var key = entry["Key"];
            if (string.IsNullOrEmpty(key)) continue;
            var roles = entry.GetSection("Roles").GetChildren().Select(r => r.Value).OfType<string>().Where(r => r.Length > 0).ToArray();
            keys.Add(new ApiKey(entry.Key, Hash(key), roles));
        }

        if (keys.Count > 0 || !environment.IsDevelopment()) return new ApiKeyRegistry(keys, usesDevelopmentKey: false);
        return new ApiKeyRegistry([new ApiKey("development", Hash(DevelopmentKey), [Roles.Admin, Roles.Checkpoint, Roles.Integrator])], usesDevelopmentKey: true);
    }

    /// <summary>Checks every key whatever matches, so the time taken says nothing about which key was close.</summary>
    public ApiKey? Find(string presented)
    {
        var hash = Hash(presented);
        ApiKey? found = null;
        foreach (var key in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, key.KeyHash)) found ??= key;
        }
        return found;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
