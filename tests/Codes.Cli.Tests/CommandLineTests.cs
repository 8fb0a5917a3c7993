using HealthCode.Cli.Tests.Support;

namespace HealthCode.Cli.Tests;

public sealed class CommandLineTests
{
    [TestCase("--help")]
    [TestCase("profile", "--help")]
    [TestCase("profile", "lint", "--help")]
    [TestCase("normalize", "--help")]
    [TestCase("translate", "--help")]
    [TestCase("conformance", "--help")]
    [TestCase("conformance", "run", "--help")]
    [TestCase("policy", "--help")]
    [TestCase("policy", "diff", "--help")]
    public void Help_is_available_everywhere(params string[] args)
    {
        var run = Hc.Run(args);

        Assert.That(run.ExitCode, Is.EqualTo(0));
        Assert.That(run.Output, Does.Contain("USAGE:"));
    }

    [Test]
    public void A_missing_payload_file_is_one_line_and_exit_2()
    {
        var run = Hc.Run("normalize", "--region", "110000", "no-such-payload.json");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Is.EqualTo("hc: payload not found: no-such-payload.json" + Environment.NewLine));
        Assert.That(run.Output, Is.Empty);
    }

    [Test]
    public void A_missing_profile_folder_is_one_line_and_exit_2()
    {
        var run = Hc.Run("conformance", "run", Hc.Conformance, "--profiles", "no-such-folder");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.ErrorLines, Is.EqualTo(new[] { "hc: --profiles: folder not found: no-such-folder" }));
    }

    [Test]
    public void An_unknown_flag_is_one_line_and_exit_2()
    {
        var run = Hc.Run("translate", "--from", "110000", "--to", "440000", "--level", "弹窗", "--colour");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.ErrorLines, Has.Length.EqualTo(1));
        Assert.That(run.Error, Does.Contain("colour"));
    }

    [Test]
    public void An_unknown_command_is_exit_2()
    {
        var run = Hc.Run("verify");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.ErrorLines, Has.Length.EqualTo(1));
    }
}
