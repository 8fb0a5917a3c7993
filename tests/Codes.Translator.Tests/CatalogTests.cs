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
        File.Copy(TestPaths.ProfileSchema, Path.Combine(_dir, RegionCatalog.SchemaFileName));
    }

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    private const string MadeUpRegion = """
        {
          "id": "460000",
          "name": "Hainan test code",
          "format": "json",
          "codePattern": "^HN[0-9]{8}$",
          "maxStatusAge": "PT6H",
          "timeZone": "Asia/Shanghai",
          "labels": { "green": "绿码", "yellow": "黄码", "red": "红码", "unknown": "未知" },
          "fields": [
            { "path": "c", "type": "string", "required": true, "to": "code.value" },
            { "path": "s", "type": "string", "required": true, "to": "code.nativeLevel", "map": {
                "G": { "code.level": "green" }, "Y": { "code.level": "yellow" }, "R": { "code.level": "red" } } },
            { "path": "who/n", "type": "string", "required": true, "to": "person.name" },
            { "path": "who/p", "type": "string", "required": true, "to": "person.document.number" },
            { "path": "t", "type": "string", "required": true, "to": "code.statusAt", "time": "dd.MM.yyyy HH:mm" }
          ],
          "constants": { "person.document.type": "passport" },
          "validity": { "after": "PT6H" }
        }
        """;

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
        var normalizer = new Normalizer(catalog);
        var body = """{"c":"HN12345678","s":"Y","who":{"n":"Li Lei","p":"e 1234 567"},"t":"01.03.2022 09:30"}""";

        var result = normalizer.Normalize("460000", Encoding.UTF8.GetBytes(body), "application/json", Shared.Context);

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
                var code = Shared.Normalizer.ReadCodeValue(region.Id, File.ReadAllBytes(file), region.Format == "xml" ? "application/xml" : "application/json").Code!;
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
}
