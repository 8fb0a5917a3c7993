using HealthCode.Cli.Tests.Support;

namespace HealthCode.Cli.Tests;

public sealed class PolicyDiffTests
{
    // Guangdong's border NAT window cut from 48 h to 24 h.
    private const string StricterGuangdong = """
        {
          "id": "440000",
          "version": "2022-09-01",
          "levels": [ { "level": "yellow", "scenes": ["hospital"], "decision": "manual", "reason": "level-yellow" } ],
          "requirements": [
            { "check": "nat", "scenes": ["border"], "result": "negative", "withinHours": 24, "anchor": ["sampledAt", "reportedAt"], "decision": "deny", "reason": "nat-required" },
            { "check": "status-age", "scenes": ["border"], "issuers": ["810000", "820000"], "withinHours": 6, "decision": "deny", "reason": "code-too-old" }
          ]
        }
        """;

    [Test]
    public void A_stricter_draft_shows_the_border_decisions_it_turns_to_deny()
    {
        using var temp = new TempFolder();
        var draft = temp.Write("draft-440000.json", StricterGuangdong);

        var run = Hc.Run("policy", "diff", "--draft", draft, Hc.Conformance);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Does.Contain("110000 green with a NAT passes the metro"));
        Assert.That(run.Output, Does.Contain("440300/border"));
        Assert.That(run.Output, Does.Contain("accept [] 440000@2022-06-01").And.Contain("deny [nat-required] 440000@2022-09-01"));
    }

    [Test]
    public void A_draft_that_only_changes_the_version_changes_no_decision()
    {
        using var temp = new TempFolder();
        var active = File.ReadAllText(Path.Combine(Hc.Schemas, "policies", "440000.json")).Replace("2022-06-01", "2022-09-01", StringComparison.Ordinal);
        var draft = temp.Write("440000.json", active);

        var run = Hc.Run("policy", "diff", "--draft", draft, Hc.Conformance);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Does.Match(@"policy diff: 0 of \d+ checkpoint decisions change"));
    }

    [Test]
    public void An_invalid_draft_is_one_line_naming_the_field_and_exit_2()
    {
        using var temp = new TempFolder();
        var draft = temp.Write("draft.json", StricterGuangdong.Replace("\"withinHours\": 24", "\"withinHours\": \"a day\"", StringComparison.Ordinal));

        var run = Hc.Run("policy", "diff", "--draft", draft, Hc.Conformance);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.ErrorLines, Has.Length.EqualTo(1));
        Assert.That(run.Error, Does.Contain("withinHours"));
    }
}
