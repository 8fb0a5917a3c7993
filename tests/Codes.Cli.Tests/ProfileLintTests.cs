using System.Text.Json.Nodes;
using HealthCode.Cli.Tests.Support;

namespace HealthCode.Cli.Tests;

public sealed class ProfileLintTests
{
    private static JsonObject Beijing() => JsonNode.Parse(File.ReadAllText(Path.Combine(Hc.Schemas, "regions", "110000.json")))!.AsObject();

    [Test]
    public void Every_shipped_profile_lints_clean()
    {
        var run = Hc.Run(["profile", "lint", .. Directory.GetFiles(Path.Combine(Hc.Schemas, "regions"), "*.json")]);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
        Assert.That(run.Output, Does.Contain("12 profile(s) OK"));
        Assert.That(run.Output, Does.Not.Contain("warning"));
    }

    [Test]
    public void A_schema_error_names_the_field_and_exits_1()
    {
        using var temp = new TempFolder();
        var profile = Beijing();
        profile["fields"]![3]!["to"] = 42;
        var file = temp.Write("110000.json", profile.ToJsonString());

        var run = Hc.Run("profile", "lint", file);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Output, Does.Contain("fields[3].to"));
    }

    [Test]
    public void A_compile_error_names_the_field_and_exits_1()
    {
        using var temp = new TempFolder();
        var profile = Beijing();
        profile["fields"]![3]!["to"] = "person.shoeSize";
        var file = temp.Write("110000.json", profile.ToJsonString());

        var run = Hc.Run("profile", "lint", file);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Output, Does.Contain("fields[3].to").And.Contain("is not a canonical field"));
    }

    [Test]
    public void A_profile_saved_under_another_name_still_gets_its_semantic_checks()
    {
        using var temp = new TempFolder();
        var profile = Beijing();
        profile["codePattern"] = "^BJ-([0-9";
        var file = temp.Write("beijing-draft.json", profile.ToJsonString());

        var run = Hc.Run("profile", "lint", file);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Output, Does.Contain("id: '110000' does not match the file name").And.Contain("codePattern"));
    }

    [Test]
    public void A_missing_FHIR_CodeSystem_is_a_warning_not_an_error()
    {
        using var temp = new TempFolder();
        var file = temp.Write("regions/110000.json", Beijing().ToJsonString());
        Directory.CreateDirectory(Path.Combine(temp.Path, "fhir"));

        var run = Hc.Run("profile", "lint", file);

        Assert.That(run.ExitCode, Is.EqualTo(0));
        Assert.That(run.Output, Does.Contain("warning").And.Contain("CodeSystem-native-level-110000.json"));
    }
}
