using System.Security.Cryptography;
using System.Text.Json;

namespace HealthCode.Verifier.Tests.Trust;

/// <summary>A throw-away trust folder; keys are generated per test run, so no private key is ever committed.</summary>
public sealed class TrustFolder : IDisposable
{
    public static string SchemaPath => Path.Combine(TestContext.CurrentContext.TestDirectory, "schemas", "trust.schema.json");

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("hc-trust-").FullName;

    public static ECDsa NewKey() => ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public static string PublicKeyOf(ECDsa key) => Convert.ToBase64String(key.ExportSubjectPublicKeyInfo());

    public static object Key(string id, ECDsa key, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null) =>
        new Dictionary<string, object?>
        {
            ["id"] = id,
            ["algorithm"] = "ES256",
            ["publicKey"] = PublicKeyOf(key),
            ["notBefore"] = notBefore?.ToString("O"),
            ["notAfter"] = notAfter?.ToString("O"),
        }.Where(p => p.Value is not null).ToDictionary();

    public string Write(string region, params object[] keys) => WriteRaw(region, JsonSerializer.Serialize(new { region, keys }));

    public string WriteRaw(string fileStem, string json)
    {
        var path = Path.Combine(Directory, fileStem + ".json");
        File.WriteAllText(path, json);
        return path;
    }

    public HealthCode.Verifier.Trust.TrustStore Load() => HealthCode.Verifier.Trust.TrustStore.LoadFromDirectory(Directory, SchemaPath);

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
