using System.Text.Json.Nodes;
using HealthCode.Cli.Tests.Support;

namespace HealthCode.Cli.Tests;

public sealed class NormalizeTests
{
    [Test]
    public void A_valid_payload_prints_its_canonical_record_and_warnings()
    {
        var run = Hc.Run("normalize", "--region", "110000", Hc.Fixture("110000", "green.json"));

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var document = JsonNode.Parse(run.Output)!;
        Assert.That((string?)document["record"]!["code"]!["level"], Is.EqualTo("green"));
        Assert.That((string?)document["record"]!["code"]!["statusAt"], Is.EqualTo("2022-05-08T06:34:00Z"));
        Assert.That((string?)document["warnings"]![0]!["field"], Is.EqualTo("/hs/ts"));
    }

    [Test]
    public void Fhir_prints_a_collection_Bundle()
    {
        var run = Hc.Run("normalize", "--region", "610000", "--fhir", Hc.Fixture("610000", "green.xml"));

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var bundle = JsonNode.Parse(run.Output)!;
        Assert.That((string?)bundle["resourceType"], Is.EqualTo("Bundle"));
        Assert.That((string?)bundle["type"], Is.EqualTo("collection"));
        Assert.That(bundle["entry"]!.AsArray().Select(e => (string?)e!["resource"]!["resourceType"]), Does.Contain("Patient"));
    }

    [Test]
    public void An_invalid_payload_lists_the_native_field_and_exits_1()
    {
        using var temp = new TempFolder();
        var payload = temp.Write("popup.json",
            """{"mz":"BJ-0BDB1C59860B07E52C25","xm":"王芳","zjlx":"居民身份证","zjhm":"110105196810098194","zt":"弹窗","gxsj":"2022-07-02T09:39:00+08:00"}""");

        var run = Hc.Run("normalize", "--region", "110000", "--at", "2022-07-02T12:00:00+08:00", payload);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Output, Does.Contain("invalid").And.Contain("/tcbh"));
    }

    [Test]
    public void A_profile_file_normalizes_without_a_catalog()
    {
        var run = Hc.Run("normalize", "--profile", Path.Combine(Hc.Schemas, "regions", "820000.json"), Hc.Fixture("820000", "g28.json"));

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That((string?)JsonNode.Parse(run.Output)!["record"]!["code"]!["subStatus"], Is.EqualTo("g28"));
    }

    [Test]
    public void A_profile_being_written_may_be_saved_under_any_name()
    {
        using var temp = new TempFolder();
        var draft = temp.Write("macau-draft.json", File.ReadAllText(Path.Combine(Hc.Schemas, "regions", "820000.json")));

        var run = Hc.Run("normalize", "--profile", draft, Hc.Fixture("820000", "red.json"));

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That((string?)JsonNode.Parse(run.Output)!["record"]!["code"]!["level"], Is.EqualTo("red"));
    }

    [Test]
    public void An_unknown_region_is_one_line_and_exit_2()
    {
        var run = Hc.Run("normalize", "--region", "990000", Hc.Fixture("110000", "green.json"));

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.ErrorLines, Has.Length.EqualTo(1));
        Assert.That(run.Error, Does.Contain("--region").And.Contain("990000"));
    }
}
