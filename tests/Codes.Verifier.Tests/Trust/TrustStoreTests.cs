using System.Security.Cryptography;
using HealthCode.Verifier.Trust;
using Microsoft.Extensions.Configuration;

namespace HealthCode.Verifier.Tests.Trust;

public sealed class TrustStoreTests
{
    private TrustFolder _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = new TrustFolder();

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();

    [Test]
    public void Trust_file_registers_its_keys_for_its_region()
    {
        using var k1 = TrustFolder.NewKey();
        using var k2 = TrustFolder.NewKey();
        _folder.Write("330000", TrustFolder.Key("zj-2022-01", k1), TrustFolder.Key("zj-2022-07", k2, notBefore: DateTimeOffset.Parse("2022-07-01T00:00:00+08:00")));
        var store = _folder.Load();
        Assert.That(store.SigningRegions, Is.EquivalentTo(new[] { "330000" }));
        Assert.That(store.KeysFor("330000").Select(k => k.Id), Is.EqualTo(new[] { "zj-2022-01", "zj-2022-07" }));
        Assert.That(store.KeysFor("330000")[1].NotBefore, Is.EqualTo(new DateTimeOffset(2022, 6, 30, 16, 0, 0, TimeSpan.Zero)));
        Assert.That(store.KeysFor("110000"), Is.Empty);
    }

    [Test]
    public void Empty_folder_registers_no_region() =>
        Assert.That(_folder.Load().SigningRegions, Is.Empty);

    [Test]
    public void Missing_folder_is_a_load_error_not_an_open_door() =>
        Assert.That(() => TrustStore.LoadFromDirectory(Path.Combine(_folder.Directory, "absent"), TrustFolder.SchemaPath),
            Throws.TypeOf<DirectoryNotFoundException>());

    [Test]
    public void Non_P256_key_is_rejected_at_load()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var file = _folder.Write("330000", TrustFolder.Key("zj-1", p384));
        var error = Assert.Throws<TrustLoadException>(() => _folder.Load())!;
        Assert.That((error.Origin, error.Field), Is.EqualTo((file, "keys[0].publicKey")));
        Assert.That(error.Problem, Does.Contain("only P-256"));
    }

    [Test]
    public void Rsa_key_is_rejected_at_load()
    {
        using var rsa = RSA.Create(2048);
        _folder.WriteRaw("330000", $$"""{ "region": "330000", "keys": [ { "id": "zj-1", "algorithm": "ES256", "publicKey": "{{Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo())}}" } ] }""");
        Assert.That(() => _folder.Load(), Throws.TypeOf<TrustLoadException>().With.Property(nameof(TrustLoadException.Problem)).Contains("not an EC public key"));
    }

    [Test]
    public void Bad_trust_file_names_file_and_field()
    {
        var file = _folder.WriteRaw("330000", """{ "region": "330000", "keys": [ { "id": "zj-1", "algorithm": "ES256" } ] }""");
        var error = Assert.Throws<TrustLoadException>(() => _folder.Load())!;
        Assert.That(error.Origin, Is.EqualTo(file));
        Assert.That(error.Field, Is.EqualTo("keys[0].publicKey"));
        Assert.That(error.Message, Does.Contain(file).And.Contain("keys[0].publicKey"));
    }

    [TestCase("""{ "region": "330000", "keys": [ { "id": "zj 1", "algorithm": "ES256", "publicKey": "AA==" } ] }""", "keys[0].id")]
    [TestCase("""{ "region": "330000", "keys": [ { "id": "zj-1", "algorithm": "RS256", "publicKey": "AA==" } ] }""", "keys[0].algorithm")]
    [TestCase("""{ "region": "330000", "keys": [] }""", "keys")]
    [TestCase("""{ "region": "330000", "keys": [ { "id": "zj-1", "algorithm": "ES256", "publicKey": "AA==", "notAfter": "2022-07-01T00:00:00" } ] }""", "keys[0].notAfter")]
    [TestCase("""{ "region": "330000", "keys": [ { "id": "zj-1", "algorithm": "ES256", "publicKey": "not base64!" } ] }""", "keys[0].publicKey")]
    [TestCase("""{ "region": "110000", "keys": [ { "id": "zj-1", "algorithm": "ES256", "publicKey": "AA==" } ] }""", "region")]
    [TestCase("""{ "region": "330000", "keys": [ { "id": "zj-1", "algorithm": "ES256", "publicKey": "AA==", "kid": "x" } ] }""", "keys[0].kid")]
    [TestCase("""{ "region": "330000", "keys": [ """, "(file)")]
    public void Each_bad_field_is_named(string json, string field)
    {
        _folder.WriteRaw("330000", json);
        Assert.That(Assert.Throws<TrustLoadException>(() => _folder.Load())!.Field, Is.EqualTo(field));
    }

    [Test]
    public void Key_that_ends_before_it_starts_is_rejected()
    {
        using var key = TrustFolder.NewKey();
        _folder.Write("330000", TrustFolder.Key("zj-1", key, DateTimeOffset.Parse("2022-07-01T00:00:00Z"), DateTimeOffset.Parse("2022-06-01T00:00:00Z")));
        Assert.That(Assert.Throws<TrustLoadException>(() => _folder.Load())!.Field, Is.EqualTo("keys[0].notAfter"));
    }

    [Test]
    public void Key_id_registered_twice_for_a_region_is_rejected()
    {
        using var key = TrustFolder.NewKey();
        _folder.Write("330000", TrustFolder.Key("zj-1", key), TrustFolder.Key("zj-1", key));
        Assert.That(Assert.Throws<TrustLoadException>(() => _folder.Load())!.Field, Is.EqualTo("keys[1].id"));
    }

    [Test]
    public void Pasted_private_key_is_rejected_at_load()
    {
        using var key = TrustFolder.NewKey();
        var settings = new Dictionary<string, string?> { ["HealthCode:Trust:330000:zj-1"] = key.ExportPkcs8PrivateKeyPem() };
        Assert.That(() => TrustStore.FromSettings(settings),
            Throws.TypeOf<TrustLoadException>().With.Property(nameof(TrustLoadException.Problem)).Contains("PRIVATE key"));
    }

    [Test]
    public void Configuration_registers_base64_and_pem_keys_per_region_and_key_id()
    {
        using var k1 = TrustFolder.NewKey();
        using var k2 = TrustFolder.NewKey();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["HealthCode:Trust:330000:zj-1"] = TrustFolder.PublicKeyOf(k1),
            ["HealthCode:Trust:330000:zj-2"] = k2.ExportSubjectPublicKeyInfoPem(),
            ["HealthCode:TrustDirectory"] = "schemas/trust",
            ["HealthCode:Other"] = "ignored",
        }).Build();
        var store = TrustStore.FromConfiguration(configuration);
        Assert.That(store.KeysFor("330000").Select(k => (k.Id, k.Origin)), Is.EqualTo(new[] { ("zj-1", "configuration"), ("zj-2", "configuration") }));
        Assert.That(store.KeysFor("330000")[1].SubjectPublicKeyInfo.ToArray(), Is.EqualTo(k2.ExportSubjectPublicKeyInfo()));
    }

    [TestCase("HealthCode:Trust:330000")]
    [TestCase("HealthCode:Trust:zhejiang:zj-1")]
    [TestCase("HealthCode:Trust:330000:zj 1")]
    public void Misplaced_configuration_entry_names_its_key(string name)
    {
        using var key = TrustFolder.NewKey();
        var error = Assert.Throws<TrustLoadException>(() => TrustStore.FromSettings([new(name, TrustFolder.PublicKeyOf(key))]))!;
        Assert.That((error.Origin, error.Field), Is.EqualTo(("configuration", name)));
    }

    [Test]
    public void Same_key_id_in_file_and_configuration_is_rejected()
    {
        using var key = TrustFolder.NewKey();
        _folder.Write("330000", TrustFolder.Key("zj-1", key));
        var fromConfiguration = TrustStore.FromSettings([new("HealthCode:Trust:330000:zj-1", TrustFolder.PublicKeyOf(key))]);
        var error = Assert.Throws<TrustLoadException>(() => _folder.Load().Merge(fromConfiguration))!;
        Assert.That(error.Field, Is.EqualTo("HealthCode:Trust:330000:zj-1"));
        Assert.That(error.Problem, Does.Contain("330000.json"));
    }

    [Test]
    public void File_and_configuration_keys_of_a_region_combine()
    {
        using var k1 = TrustFolder.NewKey();
        using var k2 = TrustFolder.NewKey();
        _folder.Write("330000", TrustFolder.Key("zj-1", k1));
        var store = _folder.Load().Merge(TrustStore.FromSettings([new("HealthCode:Trust:330000:zj-2", TrustFolder.PublicKeyOf(k2))]));
        Assert.That(store.KeysFor("330000").Select(k => k.Id), Is.EqualTo(new[] { "zj-1", "zj-2" }));
    }
}
