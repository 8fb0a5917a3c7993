using System.Text;
using HealthCode.Translator.Canonical;
using HealthCode.Translator.Normalization;
using HealthCode.Translator.Profiles;
using HealthCode.Translator.Tests.Support;
using HealthCode.Translator.Translation;

namespace HealthCode.Translator.Tests;

public sealed class CatalogTests
{
    private string _dir = null!;

    [SetUp]
    public void CreateFolder()
    {
        _dir = Path.Combine(Path.GetTempPath(), "hc-catalog-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(_dir, "regions"));
    }

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    private const string MadeUpRegion = Drafts.MadeUpRegion;

    private RegionCatalog LoadWith(string file, string json)
    {
        File.WriteAllText(Path.Combine(_dir, "regions", file), json);
        return RegionCatalog.LoadFromDirectory(Path.Combine(_dir, "regions"));
    }

    [Test]
    public void Shipped_catalog_has_the_twelve_regions()
    {
        Assert.That(Shared.Catalog.All.Select(p => p.Id), Is.EqualTo(new[]
        {
            "000000", "110000", "310000", "320000", "330000", "420000", "440000", "500000", "510000", "610000", "810000", "820000",
        }));
    }

    [Test]
    public void A_thirteenth_region_is_added_by_a_file_alone()
    {
        var catalog = LoadWith("460000.json", MadeUpRegion);
        var result = Shared.Normalizer.Normalize(catalog.Find("460000")!, Encoding.UTF8.GetBytes(Drafts.Payload), "application/json", Shared.Context);

        Assert.That(result.Errors, Is.Empty);
        var code = result.Record!.Code;
        Assert.That((code.Level, code.NativeLevel, code.StatusAt), Is.EqualTo((RiskLevel.Yellow, "Y", new DateTimeOffset(2022, 3, 1, 1, 30, 0, TimeSpan.Zero))));
        Assert.That(code.ValidUntil, Is.EqualTo(code.StatusAt.AddHours(6)));
        Assert.That(result.Record.Person.Document, Is.EqualTo(new DocumentInfo("passport", "E1234567")));
        Assert.That(catalog.DetectIssuers("HN12345678").Single().Id, Is.EqualTo("460000"));
        Assert.That(new RiskTranslator(catalog).Translate("460000", "460000", "R").Target.Label, Is.EqualTo("红码"));
    }

    [Test]
    public void Broken_profile_names_the_file_and_the_field()
    {
        var broken = MadeUpRegion.Replace("\"type\": \"string\", \"required\": true, \"to\": \"code.value\"", "\"type\": \"text\", \"required\": true, \"to\": \"code.value\"");

        var ex = Assert.Throws<ProfileLoadException>(() => LoadWith("460000.json", broken));

        Assert.That(ex!.File, Is.EqualTo("460000.json"));
        Assert.That(ex.Field, Does.Contain("fields[0].type"));
        Assert.That(ex.Message, Does.Contain("460000.json").And.Contain("fields[0].type"));
    }

    [Test]
    public void Profile_mapping_to_an_unknown_canonical_field_names_it()
    {
        var broken = MadeUpRegion.Replace("\"Y\": { \"code.level\": \"yellow\" }", "\"Y\": { \"code.colour\": \"yellow\" }");

        var ex = Assert.Throws<ProfileLoadException>(() => LoadWith("460000.json", broken));

        Assert.That(ex!.Field, Is.EqualTo("fields[1].map.Y.code.colour"));
    }

    [Test]
    public void Profile_with_an_invalid_level_names_it()
    {
        var broken = MadeUpRegion.Replace("\"R\": { \"code.level\": \"red\" }", "\"R\": { \"code.level\": \"crimson\" }");

        var ex = Assert.Throws<ProfileLoadException>(() => LoadWith("460000.json", broken));

        Assert.That(ex!.Field, Is.EqualTo("fields[1].map.R.code.level"));
    }

    [Test]
    public void Profile_with_a_bad_regex_names_the_code_pattern()
    {
        var ex = Assert.Throws<ProfileLoadException>(() => LoadWith("460000.json", MadeUpRegion.Replace("^HN[0-9]{8}$", "^HN[0-9")));

        Assert.That(ex!.Field, Is.EqualTo("codePattern"));
    }

    [Test]
    public void A_silence_budget_is_an_optional_iso_duration()
    {
        var catalog = LoadWith("460000.json", MadeUpRegion.Replace("\"maxStatusAge\": \"PT6H\",", "\"maxStatusAge\": \"PT6H\", \"maxSilence\": \"PT10M\","));
        Assert.That(catalog.Find("460000")!.MaxSilence, Is.EqualTo("PT10M"));
    }

    [TestCase("10 minutes")]
    [TestCase("P")]
    [TestCase("PT")]
    public void A_silence_budget_that_is_not_a_duration_names_the_field(string budget)
    {
        var ex = Assert.Throws<ProfileLoadException>(() =>
            LoadWith("460000.json", MadeUpRegion.Replace("\"maxStatusAge\": \"PT6H\",", $"\"maxStatusAge\": \"PT6H\", \"maxSilence\": \"{budget}\",")));
        Assert.That(ex!.Field, Does.Contain("maxSilence"));
    }

    [Test]
    public void Profile_with_an_unknown_time_zone_names_it()
    {
        var ex = Assert.Throws<ProfileLoadException>(() => LoadWith("460000.json", MadeUpRegion.Replace("Asia/Shanghai", "Mars/Olympus")));

        Assert.That(ex!.Field, Is.EqualTo("timeZone"));
    }

    [Test]
    public void Profile_missing_a_label_names_it()
    {
        var ex = Assert.Throws<ProfileLoadException>(() => LoadWith("460000.json", MadeUpRegion.Replace(", \"unknown\": \"未知\"", string.Empty)));

        Assert.That(ex!.File, Is.EqualTo("460000.json"));
        Assert.That(ex.Message, Does.Contain("labels").And.Contain("unknown"));
    }

    [Test]
    public void Profile_whose_id_differs_from_its_file_name_is_refused()
    {
        var ex = Assert.Throws<ProfileLoadException>(() => LoadWith("460100.json", MadeUpRegion));

        Assert.That((ex!.File, ex.Field), Is.EqualTo(("460100.json", "id")));
    }

    [TestCase("GJMACUTCNRVMA2RGYTT0", "000000")]
    [TestCase("BJ-EBD659B33BC0AF834476", "110000")]
    [TestCase("HKHC-20220823-BD86D90C", "810000")]
    [TestCase("MO-0F783824D4", "820000")]
    [TestCase("YK50A25CE41016CA725D", "500000")]
    public void Issuer_is_detected_from_the_code_pattern(string code, string region)
    {
        Assert.That(Shared.Catalog.DetectIssuers(code).Select(p => p.Id), Is.EqualTo(new[] { region }));
    }

    [Test]
    public void Unmatched_code_detects_no_issuer()
    {
        Assert.That(Shared.Catalog.DetectIssuers("hello"), Is.Empty);
    }

    [Test]
    public void Every_fixture_code_is_detected_as_its_own_region_only()
    {
        foreach (var region in Shared.Catalog.All)
        {
            foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.Fixtures, region.Id)).Where(f => !f.EndsWith(".expected.json", StringComparison.Ordinal)))
            {
                var code = Shared.Normalizer.ReadCodeValue(region, File.ReadAllBytes(file), Shared.ContentType(region)).Code!;
                Assert.That(Shared.Catalog.DetectIssuers(code).Select(p => p.Id), Is.EqualTo(new[] { region.Id }), file);
            }
        }
    }

    [Test]
    public void Max_status_age_is_12_hours_for_Guangdong_and_24_elsewhere()
    {
        Assert.That(Shared.Catalog.All.ToDictionary(p => p.Id, p => p.MaxStatusAgeSpan.TotalHours).Where(kv => kv.Value != 24).Select(kv => kv.Key), Is.EqualTo(new[] { "440000" }));
        Assert.That(Shared.Catalog.Find("440000")!.MaxStatusAgeSpan, Is.EqualTo(TimeSpan.FromHours(12)));
    }

    [Test]
    public void Reading_a_folder_reports_errors_per_file_and_keeps_every_good_profile()
    {
        File.WriteAllText(Path.Combine(_dir, "regions", "460000.json"), MadeUpRegion);
        File.WriteAllText(Path.Combine(_dir, "regions", "150000.json"), MadeUpRegion.Replace("460000", "150000").Replace("Asia/Shanghai", "Mars/Olympus"));
        File.WriteAllText(Path.Combine(_dir, "regions", "230000.json"), "{ not json");

        var load = RegionCatalog.ReadDirectory(Path.Combine(_dir, "regions"));

        Assert.That(load.Profiles.Select(p => p.Id), Is.EqualTo(new[] { "460000" }));
        Assert.That(load.Failures.Select(f => (f.File, f.Errors[0].Path)), Is.EqualTo(new[] { ("150000.json", "timeZone"), ("230000.json", "$") }));
        Assert.That(load.Succeeded, Is.False);
    }

    [Test]
    public void Reading_a_missing_folder_is_a_failure_not_an_exception()
    {
        var load = RegionCatalog.ReadDirectory(Path.Combine(_dir, "no-such-folder"));

        Assert.That((load.Profiles.Count, load.Failures.Count), Is.EqualTo((0, 1)));
    }

    [Test]
    public void Start_up_loading_still_throws_for_the_first_bad_file()
    {
        File.WriteAllText(Path.Combine(_dir, "regions", "230000.json"), "{ not json");

        Assert.Throws<ProfileLoadException>(() => LoadWith("460000.json", MadeUpRegion));
    }

    [Test]
    public void Every_shipped_profile_has_a_version_and_its_own_content_hash()
    {
        Assert.That(Shared.Catalog.All.Select(p => p.Version), Is.All.EqualTo("2022-12-01"));
        Assert.That(Shared.Catalog.All.Select(p => p.Hash).Distinct().Count(), Is.EqualTo(Shared.Catalog.All.Count));
    }

    [Test]
    public void The_content_hash_is_of_the_file_bytes()
    {
        var catalog = LoadWith("460000.json", MadeUpRegion);
        var bytes = File.ReadAllBytes(Path.Combine(_dir, "regions", "460000.json"));

        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))[..16];

        Assert.That(catalog.Find("460000")!.Hash, Is.EqualTo(expected));
    }

    [Test]
    public void A_catalogue_refuses_two_profiles_with_one_id()
    {
        var profile = Shared.Profile("110000");

        Assert.Throws<ArgumentException>(() => _ = new RegionCatalog([profile, profile]));
    }
}
