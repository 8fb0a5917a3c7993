using System.Security.Cryptography;
using HealthCode.Verifier.Catalogs;
using HealthCode.Verifier.Policies;
using HealthCode.Verifier.Tests.Policies;

namespace HealthCode.Verifier.Tests.Catalogs;

public sealed class ReloadablePolicyCatalogTests
{
    private const string Zhejiang = """{ "id": "330000", "version": "2023-01-01", "levels": [], "requirements": [] }""";
    private string _folder = null!;

    [SetUp]
    public void CreateFolder()
    {
        _folder = Directory.CreateTempSubdirectory("hc-policy-reload-").FullName;
        foreach (var file in Directory.GetFiles(PolicyCatalogTests.ShippedFolder, "*.json")) File.Copy(file, Path.Combine(_folder, Path.GetFileName(file)));
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void A_policy_carries_the_first_16_hex_digits_of_the_sha256_of_its_file()
    {
        var expected = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(_folder, "440000.json"))))[..16];
        Assert.That(PolicyCatalog.LoadFromDirectory(_folder).ForCheckpoint("440300").Hash, Is.EqualTo(expected));
    }

    [Test]
    public void Reading_a_folder_keeps_the_good_files_and_names_file_and_field_of_each_bad_one()
    {
        File.WriteAllText(Path.Combine(_folder, "330000.json"), Zhejiang.Replace("\"levels\": []", "\"levels\": [ { \"level\": \"red\", \"scenes\": [\"venue\"], \"decision\": \"deny\" } ]"));

        var load = PolicyCatalog.ReadDirectory(_folder);

        Assert.That(load.Policies.Select(p => p.Id), Is.EquivalentTo(new[] { "default", "110000", "320000", "440000", "820000" }));
        Assert.That(load.Failures, Is.EqualTo(new[] { new PolicyFileError("330000.json", "levels[0].reason", "a deny or manual decision needs a reason.") }));
    }

    [Test]
    public void A_reload_takes_a_new_file_and_an_unchanged_one_is_not_an_update()
    {
        var catalog = new ReloadablePolicyCatalog(PolicyCatalog.LoadFromDirectory(_folder));
        File.WriteAllText(Path.Combine(_folder, "330000.json"), Zhejiang);

        var reload = catalog.ReloadFrom(_folder);

        Assert.That((reload.Added, reload.Updated, reload.Removed), Is.EqualTo((new[] { "330000" }, Array.Empty<string>(), Array.Empty<string>())));
        Assert.That(catalog.ForCheckpoint("330100").Version, Is.EqualTo("2023-01-01"));
    }

    [Test]
    public void A_refused_file_keeps_its_previous_version_and_the_others_are_still_taken()
    {
        File.WriteAllText(Path.Combine(_folder, "330000.json"), Zhejiang);
        var catalog = new ReloadablePolicyCatalog(PolicyCatalog.LoadFromDirectory(_folder));
        File.WriteAllText(Path.Combine(_folder, "330000.json"), Zhejiang.Replace("\"2023-01-01\"", "2"));
        File.WriteAllText(Path.Combine(_folder, "310000.json"), Zhejiang.Replace("330000", "310000"));

        var reload = catalog.ReloadFrom(_folder);

        Assert.That(reload.Refused.Single(), Is.EqualTo(new RefusedFile(Path.Combine(_folder, "330000.json"), "version", reload.Refused.Single().Message, PreviousKept: true)));
        Assert.That(reload.Added, Is.EqualTo(new[] { "310000" }));
        Assert.That(catalog.ForCheckpoint("330100").Version, Is.EqualTo("2023-01-01"));
        Assert.That(catalog.ForCheckpoint("310101").Id, Is.EqualTo("310000"));
    }

    [Test]
    public void A_deleted_regional_policy_is_removed_and_its_province_falls_back_to_the_default()
    {
        var catalog = new ReloadablePolicyCatalog(PolicyCatalog.LoadFromDirectory(_folder));
        File.Delete(Path.Combine(_folder, "820000.json"));

        var reload = catalog.ReloadFrom(_folder);

        Assert.That(reload.Removed, Is.EqualTo(new[] { "820000" }));
        Assert.That(catalog.ForCheckpoint("820000").Id, Is.EqualTo(PolicyCatalog.DefaultId));
    }

    [Test]
    public void A_missing_folder_keeps_every_policy()
    {
        var catalog = new ReloadablePolicyCatalog(PolicyCatalog.LoadFromDirectory(_folder));
        var missing = Path.Combine(_folder, "gone");

        var reload = catalog.ReloadFrom(missing);

        Assert.That(reload.Refused.Single().File, Is.EqualTo(missing));
        Assert.That(reload.Removed, Is.Empty);
        Assert.That(catalog.ForCheckpoint("440300").Id, Is.EqualTo("440000"));
    }
}
