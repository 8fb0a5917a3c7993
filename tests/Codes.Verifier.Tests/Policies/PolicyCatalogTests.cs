using HealthCode.Translator.Canonical;
using HealthCode.Verifier.Policies;

namespace HealthCode.Verifier.Tests.Policies;

public sealed class PolicyCatalogTests
{
    public static string ShippedFolder => Path.Combine(TestContext.CurrentContext.TestDirectory, "schemas", "policies");
    private string _folder = null!;

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "hc-policies-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        File.Copy(Path.Combine(ShippedFolder, "default.json"), Path.Combine(_folder, "default.json"));
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void Shipped_policies_load_with_ids_and_versions()
    {
        var catalog = PolicyCatalog.LoadFromDirectory(ShippedFolder);
        Assert.That(catalog.All.Select(p => $"{p.Id}@{p.Version}"), Is.EqualTo(new[]
        {
            "default@2022-01-01", "110000@2022-02-12", "320000@2022-03-15", "440000@2022-06-01", "820000@2022-07-23",
        }));
    }

    [TestCase("440300", "440000")]
    [TestCase("440000", "440000")]
    [TestCase("110105", "110000")]
    [TestCase("000000", "default")]
    [TestCase("330100", "default")]
    public void Checkpoint_uses_the_policy_of_its_province(string region, string policy) =>
        Assert.That(PolicyCatalog.LoadFromDirectory(ShippedFolder).ForCheckpoint(region).Id, Is.EqualTo(policy));

    [Test]
    public void Regional_policy_only_adds_to_the_default()
    {
        var guangdong = PolicyCatalog.LoadFromDirectory(ShippedFolder).ForCheckpoint("440300");
        Assert.That(guangdong.LevelRuleFor(RiskLevel.Yellow, "hospital").Decision, Is.EqualTo(Decision.Manual));
        Assert.That(guangdong.LevelRuleFor(RiskLevel.Yellow, "venue").Decision, Is.EqualTo(Decision.Deny));
        Assert.That(guangdong.LevelRuleFor(RiskLevel.Green, "border").Decision, Is.EqualTo(Decision.Accept));
        Assert.That(guangdong.Requirements.Select(r => r.Reason), Is.EqualTo(new[] { "nat-required", "code-too-old" }));
    }

    [Test]
    public void A_new_policy_is_a_new_file()
    {
        Write("330000", """{ "id": "330000", "version": "2023-01-01", "levels": [], "requirements": [ { "check": "nat", "scenes": ["venue"], "result": "negative", "withinHours": 48, "anchor": ["sampledAt"], "decision": "deny", "reason": "nat-required" } ] }""");
        var policy = PolicyCatalog.LoadFromDirectory(_folder).ForCheckpoint("330100");
        Assert.That(policy.Id, Is.EqualTo("330000"));
        Assert.That(policy.Requirements.Single().WithinHours, Is.EqualTo(48));
    }

    [Test]
    public void Schema_violation_names_the_file_and_the_field()
    {
        Write("330000", """{ "id": "330000", "version": "2023-01-01", "levels": [], "requirements": [ { "check": "nat", "scenes": ["venue"], "result": "negative", "anchor": ["sampledAt"], "decision": "deny", "reason": "nat-required" } ] }""");
        var e = Assert.Throws<PolicyLoadException>(() => PolicyCatalog.LoadFromDirectory(_folder));
        Assert.That(e!.File, Does.EndWith("330000.json"));
        Assert.That(e.Message, Does.Contain("330000.json").And.Contain("withinHours"));
    }

    [Test]
    public void Unknown_scene_names_the_field()
    {
        Write("330000", """{ "id": "330000", "version": "2023-01-01", "levels": [ { "level": "yellow", "scenes": ["airport"], "decision": "manual", "reason": "level-yellow" } ], "requirements": [] }""");
        var e = Assert.Throws<PolicyLoadException>(() => PolicyCatalog.LoadFromDirectory(_folder));
        Assert.That(e!.Field, Does.Contain("levels[0].scenes"));
    }

    [Test]
    public void Id_must_match_the_file_name()
    {
        Write("330000", """{ "id": "310000", "version": "2023-01-01", "levels": [], "requirements": [] }""");
        var e = Assert.Throws<PolicyLoadException>(() => PolicyCatalog.LoadFromDirectory(_folder));
        Assert.That(e!.Field, Is.EqualTo("id"));
    }

    [Test]
    public void Unknown_level_may_never_be_accepted()
    {
        Write("330000", """{ "id": "330000", "version": "2023-01-01", "levels": [ { "level": "unknown", "scenes": ["general"], "decision": "accept" } ], "requirements": [] }""");
        var e = Assert.Throws<PolicyLoadException>(() => PolicyCatalog.LoadFromDirectory(_folder));
        Assert.That(e!.Field, Is.EqualTo("levels[0].decision"));
    }

    [Test]
    public void Regional_level_rule_without_scenes_is_refused()
    {
        Write("330000", """{ "id": "330000", "version": "2023-01-01", "levels": [ { "level": "yellow", "decision": "manual", "reason": "level-yellow" } ], "requirements": [] }""");
        var e = Assert.Throws<PolicyLoadException>(() => PolicyCatalog.LoadFromDirectory(_folder));
        Assert.That(e!.Field, Is.EqualTo("levels[0].scenes"));
    }

    [Test]
    public void Missing_default_is_refused()
    {
        File.Delete(Path.Combine(_folder, "default.json"));
        Assert.Throws<PolicyLoadException>(() => PolicyCatalog.LoadFromDirectory(_folder));
    }

    private void Write(string id, string json) => File.WriteAllText(Path.Combine(_folder, id + ".json"), json);
}
