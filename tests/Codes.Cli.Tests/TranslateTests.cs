using System.Text.Json.Nodes;
using HealthCode.Cli.Tests.Support;

namespace HealthCode.Cli.Tests;

public sealed class TranslateTests
{
    [Test]
    public void Beijing_popup_4_is_Guangdong_yellow_and_not_exact()
    {
        var run = Hc.Run("translate", "--from", "110000", "--to", "440000", "--level", "弹窗", "--sub-status", "popup-4", "--json");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var result = JsonNode.Parse(run.Output)!;
        Assert.That((string?)result["level"], Is.EqualTo("yellow"));
        Assert.That((string?)result["target"]!["label"], Is.EqualTo("黄码"));
        Assert.That((string?)result["target"]!["nativeLevel"], Is.EqualTo("3"));
        Assert.That((bool?)result["exact"], Is.False);
    }

    [Test]
    public void The_table_shows_the_target_label()
    {
        var run = Hc.Run("translate", "--from", "820000", "--to", "810000", "--level", "vermelho");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Does.Contain("red").And.Contain("紅碼").And.Contain("Red"));
    }

    [Test]
    public void An_unknown_level_is_one_line_naming_the_option_and_exit_2()
    {
        var run = Hc.Run("translate", "--from", "110000", "--to", "440000", "--level", "purple");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.ErrorLines, Has.Length.EqualTo(1));
        Assert.That(run.Error, Does.StartWith("hc: --level: 'purple' is not a level of region 110000"));
    }

    [Test]
    public void A_missing_required_option_is_exit_2()
    {
        var run = Hc.Run("translate", "--from", "110000", "--level", "弹窗");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("--to"));
    }
}
