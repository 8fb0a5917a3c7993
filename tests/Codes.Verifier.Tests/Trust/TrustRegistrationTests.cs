using HealthCode.Verifier.Ingestion;
using HealthCode.Verifier.Trust;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HealthCode.Verifier.Tests.Trust;

public sealed class TrustRegistrationTests
{
    [Test]
    public void Registration_replaces_any_earlier_authenticator_and_merges_folder_and_configuration_keys()
    {
        // The repository layout: schemas/trust.schema.json next to the schemas/trust/ folder.
        var schemas = Directory.CreateTempSubdirectory("hc-schemas-").FullName;
        using var k1 = TrustFolder.NewKey();
        using var k2 = TrustFolder.NewKey();
        try
        {
            File.Copy(TrustFolder.SchemaPath, Path.Combine(schemas, TrustStore.SchemaFileName));
            var trust = Directory.CreateDirectory(Path.Combine(schemas, "trust")).FullName;
            File.WriteAllText(Path.Combine(trust, "330000.json"),
                $$"""{ "region": "330000", "keys": [ { "id": "zj-1", "algorithm": "ES256", "publicKey": "{{TrustFolder.PublicKeyOf(k1)}}" } ] }""");
            File.WriteAllText(Path.Combine(trust, "README.md"), "Not a trust file.");
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                [TrustStore.DirectoryConfigurationKey] = trust,
                ["HealthCode:Trust:440000:gd-1"] = TrustFolder.PublicKeyOf(k2),
            }).Build();
            var services = new ServiceCollection().AddSingleton<IEventAuthenticator>(new EarlierAuthenticator());
            using var provider = services.AddRegionSignatureTrust(configuration).BuildServiceProvider();
            Assert.That(provider.GetRequiredService<IEventAuthenticator>(), Is.TypeOf<SignatureEventAuthenticator>());
            Assert.That(provider.GetRequiredService<TrustStore>().SigningRegions, Is.EquivalentTo(new[] { "330000", "440000" }));
        }
        finally
        {
            Directory.Delete(schemas, recursive: true);
        }
    }

    [Test]
    public void Registration_without_folder_or_keys_signs_no_region()
    {
        var services = new ServiceCollection().AddRegionSignatureTrust(new ConfigurationBuilder().Build());
        using var provider = services.BuildServiceProvider();
        Assert.That(provider.GetRequiredService<TrustStore>().SigningRegions, Is.Empty);
    }

    private sealed class EarlierAuthenticator : IEventAuthenticator
    {
        public ValueTask<AuthenticationResult> AuthenticateAsync(InboundStatusEvent statusEvent, EventEnvelope envelope, CancellationToken cancellationToken) =>
            ValueTask.FromResult(AuthenticationResult.Refuse("registered first"));
    }
}
