using Microsoft.Extensions.Configuration;

namespace HealthCode.Verifier.Trust;

/// <summary>
/// Which regions sign their events, and with which ES256 public keys. A region listed here has every event's
/// hc-signature checked; a region absent is accepted unsigned. Immutable: reloading keys means building a new store.
/// </summary>
public sealed class TrustStore
{
    /// <summary>Configuration section of keys: HealthCode:Trust:&lt;region&gt;:&lt;keyId&gt; = base64 SPKI or PEM.</summary>
    public const string ConfigurationSection = "HealthCode:Trust";
    /// <summary>Configuration key naming the trust folder (kept outside the key section so it is not read as a region).</summary>
    public const string DirectoryConfigurationKey = "HealthCode:TrustDirectory";
    public const string SchemaFileName = "trust.schema.json";

    private readonly Dictionary<string, TrustKey[]> _byRegion;

    private TrustStore(IEnumerable<TrustKey> keys)
    {
        var all = keys.ToList();
        for (var i = 0; i < all.Count; i++)
        {
            var first = all.FindIndex(k => k.Region == all[i].Region && k.Id == all[i].Id);
            if (first != i)
                throw new TrustLoadException(all[i].Origin, all[i].Origin == TrustSettingsReader.Origin ? all[i].Field : all[i].Field + ".id",
                    $"key id '{all[i].Id}' of region {all[i].Region} is already registered by {all[first].Origin} ({all[first].Field}).");
        }
        Keys = all;
        _byRegion = all.GroupBy(k => k.Region, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    public static TrustStore Empty { get; } = new([]);

    public IReadOnlyList<TrustKey> Keys { get; }

    /// <summary>Regions that registered at least one key (valid now or not): their events must be signed.</summary>
    public IReadOnlyCollection<string> SigningRegions => _byRegion.Keys;

    public IReadOnlyList<TrustKey> KeysFor(string region) => _byRegion.TryGetValue(region, out var keys) ? keys : [];

    /// <summary>
    /// Loads every *.json in <paramref name="directory"/> (one file per region, named &lt;region&gt;.json). The schema
    /// defaults to trust.schema.json in the parent folder (the repository's schemas/ layout). Throws
    /// <see cref="TrustLoadException"/> naming the file and field on any problem, and
    /// <see cref="DirectoryNotFoundException"/> if the folder is missing: a configured folder that is not there is a
    /// deployment error, not "no region signs".
    /// </summary>
    public static TrustStore LoadFromDirectory(string directory, string? schemaPath = null)
    {
        schemaPath ??= Path.Combine(Path.GetDirectoryName(Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar))!, SchemaFileName);
        return new TrustStore(TrustFileLoader.Load(directory, schemaPath));
    }

    /// <summary>Keys from flat settings "HealthCode:Trust:&lt;region&gt;:&lt;keyId&gt;"; other settings are ignored.</summary>
    public static TrustStore FromSettings(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new TrustStore(TrustSettingsReader.Read(settings));
    }

    /// <summary>Keys from configuration (appsettings, environment HealthCode__Trust__330000__k1, ...).</summary>
    public static TrustStore FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return FromSettings(configuration.AsEnumerable());
    }

    /// <summary>Both sources together; a key id registered twice for a region (in either) is a load error.</summary>
    public TrustStore Merge(TrustStore other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new TrustStore(Keys.Concat(other.Keys));
    }
}
