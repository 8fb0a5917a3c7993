using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace HealthCode.Api.Auth;

/// <summary>
/// The keys of Auth:ApiKeys (validated by <see cref="ApiKeysValidator"/>). In Development with none configured,
/// <see cref="DevelopmentKey"/> holds every role; elsewhere no keys means no access.
/// </summary>
public sealed class ApiKeyRegistry
{
    public const string Section = ApiKeysOptions.Section + ":" + nameof(ApiKeysOptions.ApiKeys);
    public const string DevelopmentKey = "dev-local-key";
    private readonly ApiKey[] _keys;

    public ApiKeyRegistry(IOptions<ApiKeysOptions> options, IHostEnvironment environment)
    {
        _keys = options.Value.ApiKeys.Select(e => new ApiKey(e.Key, Hash(e.Value.Key!), e.Value.Roles.ToArray())).ToArray();
        if (_keys.Length > 0 || !environment.IsDevelopment()) return;
        _keys = [new ApiKey("development", Hash(DevelopmentKey), [Roles.Admin, Roles.Checkpoint, Roles.Integrator])];
        UsesDevelopmentKey = true;
    }

    public bool UsesDevelopmentKey { get; }

    public int Count => _keys.Length;

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
