using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using HealthCode.Cli.Tests.Support;

namespace HealthCode.Cli.Tests;

/// <summary>hc snapshot push against the real API (embedded mode, on Kestrel): streaming, following, exit codes.</summary>
public sealed class SnapshotPushTests
{
    private HubServer _hub = null!;
    private TempFolder _folder = null!;
    private static int _code = 0x5000;

    [OneTimeSetUp]
    public void Start() => _hub = new HubServer();

    [OneTimeTearDown]
    public void Stop() => _hub.Dispose();

    [SetUp]
    public void Folder() => _folder = new TempFolder();

    [TearDown]
    public void RemoveFolder() => _folder.Dispose();

    // A Beijing green status under a code of its own, as a snapshot line.
    private static string Line(long sequence, string? payload = null)
    {
        if (payload is null)
        {
            var node = JsonNode.Parse(File.ReadAllText(Hc.Fixture("110000", "green.json")))!.AsObject();
            node["mz"] = "BJ-" + Interlocked.Increment(ref _code).ToString("X20", CultureInfo.InvariantCulture);
            node["gxsj"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            payload = node.ToJsonString();
        }
        return JsonSerializer.Serialize(new { sequence, payload });
    }

    private string Snapshot(params string[] lines) => _folder.Write("snapshot.ndjson", string.Join("\n", lines) + "\n");

    private CliRun Push(string file, params string[] more) => Hc.Run(["snapshot", "push", file, "--server", _hub.Address, "--key", HubServer.Key, .. more]);

    [Test]
    public void A_clean_snapshot_is_applied_and_exits_0_with_its_counts()
    {
        var run = Push(Snapshot(Line(5), Line(5), Line(5)));
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output + run.Error);
        Assert.That(run.Output, Does.Contain("of 110000: done"));
        Assert.That(run.Output.Split('\n').Any(l => l.Replace(" ", "", StringComparison.Ordinal).StartsWith("│3│3│0│0│0│", StringComparison.Ordinal)), Is.True, run.Output);
    }

    [Test]
    public void Rejected_lines_exit_1_and_point_at_the_rejections_feed()
    {
        var run = Push(Snapshot(Line(5), "{\"sequence\": 1"), "--region", "110000");
        Assert.That(run.ExitCode, Is.EqualTo(1), run.Output + run.Error);
        Assert.That(run.Output, Does.Contain("1 line(s) rejected").And.Contain("/v1/regions/110000/rejections"));
    }

    [Test]
    public void A_snapshot_whose_region_cannot_be_told_exits_2_asking_for_the_region()
    {
        var run = Push(Snapshot(Line(5, "{}")));
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.ErrorLines.Single(), Does.StartWith("hc: ").And.Contain("--region"));
    }

    [Test]
    public void A_key_the_hub_refuses_exits_2()
    {
        var run = Hc.Run("snapshot", "push", Snapshot(Line(5)), "--server", _hub.Address, "--key", "not-a-key");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.ErrorLines.Single(), Does.Contain("401"));
    }

    [TestCase("missing.ndjson", "--server", "http://localhost:1")]
    [TestCase("", "--server", "not a url")]
    public void Bad_arguments_exit_2(string file, string option, string value)
    {
        var path = file.Length == 0 ? Snapshot(Line(1)) : Path.Combine(_folder.Path, file);
        var run = Hc.Run("snapshot", "push", path, option, value, "--key", HubServer.Key);
        Assert.That(run.ExitCode, Is.EqualTo(2), run.Output + run.Error);
    }

    [Test]
    public void A_terminal_shows_the_upload_and_apply_progress()
    {
        var run = Hc.RunInteractive("snapshot", "push", Snapshot(Line(5), Line(5)), "--server", _hub.Address, "--key", HubServer.Key);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output + run.Error);
        Assert.That(run.Output, Does.Contain("upload to 110000").And.Contain("apply"));
    }
}
