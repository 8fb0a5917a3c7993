using System.Text.Json.Nodes;
using System.Xml.Linq;
using HealthCode.Cli.Tests.Support;

namespace HealthCode.Cli.Tests;

public sealed class ConformanceRunTests
{
    private static readonly int ShippedVectors = Directory.GetFiles(Hc.Conformance, "*.vector.json", SearchOption.AllDirectories).Length;

    private static string Vector(string name, string decision, string? at = null) => $$"""
        {
          "name": "{{name}}",
          "region": "110000",
          "payloadFile": "{{Hc.Fixture("110000", "red.json").Replace("\\", "\\\\")}}",
          "at": "{{at ?? "2022-02-27T08:00:00+08:00"}}",
          "expected": { "code.level": "red" },
          "checkpoints": [ { "region": "110105", "scene": "general", "decision": "{{decision}}" } ]
        }
        """;

    [Test]
    public void Every_region_ships_at_least_five_vectors_including_a_refused_payload()
    {
        var regions = Directory.GetDirectories(Hc.Conformance).Select(Path.GetFileName).ToArray();

        Assert.That(regions, Has.Length.EqualTo(12));
        foreach (var region in regions)
        {
            var vectors = Directory.GetFiles(Path.Combine(Hc.Conformance, region!), "*.vector.json").Select(File.ReadAllText).ToArray();
            Assert.That(vectors, Has.Length.GreaterThanOrEqualTo(5), region);
            Assert.That(vectors.Any(v => v.Contains("\"expectedErrors\"", StringComparison.Ordinal) || v.Contains("\"expectedFailure\"", StringComparison.Ordinal)), region);
        }
    }

    [Test]
    public void The_shipped_vectors_all_pass_with_exit_0_and_a_decision_matrix()
    {
        var run = Hc.Run("conformance", "run", Hc.Conformance);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
        Assert.That(run.Output, Does.Contain($"conformance: {ShippedVectors} vectors passed"));
        Assert.That(run.Output, Does.Contain("issuer").And.Contain("440000"));
    }

    [Test]
    public void A_bulk_run_on_a_terminal_draws_a_progress_bar()
    {
        var run = Hc.RunInteractive("conformance", "run", Hc.Conformance);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
        Assert.That(run.Output, Does.Contain("conformance vectors"));
        Assert.That(run.Output, Does.Contain($"conformance: {ShippedVectors} vectors passed"));
    }

    [Test]
    public void A_decision_other_than_expected_exits_1_and_names_the_checkpoint()
    {
        using var temp = new TempFolder();
        temp.Write("red.vector.json", Vector("red wrongly expected to pass", "accept"));

        var run = Hc.Run("conformance", "run", temp.Path);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Output, Does.Contain("110105/general: expected accept, got deny [level-red]"));
    }

    [Test]
    public void A_vector_that_breaks_the_format_is_one_line_naming_the_field_and_exit_2()
    {
        using var temp = new TempFolder();
        var file = temp.Write("bad.vector.json", Vector("bad scene", "deny").Replace("\"general\"", "\"beach\""));

        var run = Hc.Run("conformance", "run", temp.Path);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.ErrorLines, Has.Length.EqualTo(1));
        Assert.That(run.Error, Does.Contain(file).And.Contain("checkpoints[0].scene"));
    }

    [Test]
    public void An_impossible_clock_is_bad_input_not_a_crash()
    {
        using var temp = new TempFolder();
        temp.Write("clock.vector.json", Vector("thirteenth month", "deny", at: "2022-13-01T08:00:00+08:00"));

        var run = Hc.Run("conformance", "run", temp.Path);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("field 'at'"));
    }

    [Test]
    public void A_folder_without_vectors_is_exit_2()
    {
        using var temp = new TempFolder();

        var run = Hc.Run("conformance", "run", temp.Path);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("no *.vector.json files"));
    }

    [Test]
    public void The_junit_report_has_one_testcase_per_vector_and_one_suite_per_region()
    {
        var run = Hc.Run("conformance", "run", Hc.Conformance, "--report", "junit");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
        var report = XDocument.Parse(run.Output).Root!;
        Assert.That(report.Name.LocalName, Is.EqualTo("testsuites"));
        Assert.That(report.Elements("testsuite").Count(), Is.EqualTo(12));
        Assert.That(report.Descendants("testcase").Count(), Is.EqualTo(ShippedVectors));
        Assert.That((int)report.Attribute("failures")!, Is.EqualTo(0));
    }

    [Test]
    public void A_junit_failure_carries_the_mismatch()
    {
        using var temp = new TempFolder();
        temp.Write("red.vector.json", Vector("red wrongly expected to pass", "accept"));
        var output = Path.Combine(temp.Path, "report.xml");

        var run = Hc.Run("conformance", "run", temp.Path, "--report", "junit", "--output", output);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        var failure = XDocument.Load(output).Descendants("failure").Single();
        Assert.That((string?)failure.Attribute("message"), Does.Contain("expected accept, got deny"));
        Assert.That(run.Output, Does.Contain("vectors failed"), "with --output the table is still printed");
    }

    [Test]
    public void The_json_report_gives_each_checkpoint_decision_and_policy()
    {
        using var temp = new TempFolder();
        temp.Write("red.vector.json", Vector("red at a Beijing gate", "deny"));

        var run = Hc.Run("conformance", "run", temp.Path, "--report", "json");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
        var checkpoint = JsonNode.Parse(run.Output)!["results"]![0]!["checkpoints"]![0]!;
        Assert.That((string?)checkpoint["decision"], Is.EqualTo("deny"));
        Assert.That((string?)checkpoint["policy"], Is.EqualTo("110000@2022-02-12"));
    }

    [Test]
    public void The_validation_clock_decides_staleness()
    {
        using var temp = new TempFolder();
        temp.Write("red.vector.json", Vector("red a day and a half later", "manual", at: "2022-02-28T09:00:00+08:00"));

        var run = Hc.Run("conformance", "run", temp.Path, "--report", "markdown");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
        Assert.That(run.Output, Does.StartWith("# Conformance"));
    }

    [Test]
    public void An_unknown_report_format_is_exit_2()
    {
        var run = Hc.Run("conformance", "run", Hc.Conformance, "--report", "html");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("--report"));
    }
}
