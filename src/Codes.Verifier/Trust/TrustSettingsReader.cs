using System.Text.RegularExpressions;

namespace HealthCode.Verifier.Trust;

/// <summary>
/// Reads keys registered as configuration entries HealthCode:Trust:&lt;region&gt;:&lt;keyId&gt; = base64 SPKI or PEM.
/// Such keys have no validity window: retiring one means removing the entry.
/// </summary>
internal static partial class TrustSettingsReader
{
    public const string Origin = "configuration";

    public static IReadOnlyList<TrustKey> Read(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var prefix = TrustStore.ConfigurationSection + ":";
        var keys = new List<TrustKey>();
        foreach (var (name, value) in settings.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            // Section nodes (HealthCode:Trust, HealthCode:Trust:330000) come with a null value from IConfiguration.AsEnumerable().
            if (!name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || value is null) continue;
            var parts = name[prefix.Length..].Split(':');
            if (parts.Length != 2 || !RegionPattern().IsMatch(parts[0]) || !KeyIdPattern().IsMatch(parts[1]))
                throw new TrustLoadException(Origin, name,
                    $"expected {TrustStore.ConfigurationSection}:<region>:<keyId> with a six-digit region and a key id of letters, digits, '.', '_' or '-'.");
            var spki = PublicKeyReader.TryRead(value, out var problem) ?? throw new TrustLoadException(Origin, name, problem);
            keys.Add(new TrustKey(parts[0], parts[1], spki, null, null, Origin, name));
        }
        return keys;
    }

    // The same rules as trust.schema.json, so a key id works the same from a file or from configuration.
    [GeneratedRegex("^[0-9]{6}$")]
    private static partial Regex RegionPattern();

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex KeyIdPattern();
}
