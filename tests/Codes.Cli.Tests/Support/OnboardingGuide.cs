using System.Text.RegularExpressions;

namespace HealthCode.Cli.Tests.Support;

/// <summary>
/// docs/onboarding.md and its worked example (tests/fixtures/onboarding/460000), as copied beside the tests. Commands run
/// here on absolute paths; <see cref="AsInRepository"/> writes their output as it reads when run from the repository root.
/// </summary>
public static partial class OnboardingGuide
{
    public const string ExampleInRepository = "tests/fixtures/onboarding/460000";

    public static string Example => Path.Combine(Hc.Root, "fixtures", "onboarding", "460000");

    public static string Text => File.ReadAllText(Path.Combine(Hc.Root, "docs", "onboarding.md"));

    public static string ExampleFile(string relative) => Path.Combine(Example, relative);

    /// <summary>
    /// A block is tagged by the HTML comment on the line above it: &lt;!-- file: path --&gt; (the whole file),
    /// &lt;!-- from: path --&gt; (some of its keys) or &lt;!-- output: name --&gt;.
    /// </summary>
    [GeneratedRegex(@"<!-- (?<kind>file|from|output): (?<name>\S+) -->\n```[a-z]*\n(?<body>.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex TaggedBlock();

    public static IReadOnlyList<GuideBlock> Blocks() =>
        TaggedBlock().Matches(Text).Select(m => new GuideBlock(m.Groups["kind"].Value, m.Groups["name"].Value, m.Groups["body"].Value)).ToArray();

    public static string ShownOutput(string name)
    {
        var blocks = Blocks().Where(b => b.Kind == "output" && b.Name == name).ToArray();
        Assert.That(blocks, Has.Length.EqualTo(1), $"docs/onboarding.md must show the output '{name}' once");
        return blocks[0].Body;
    }

    /// <summary>The path of a file of the example inside the repository, as the guide names it.</summary>
    public static string InRepository(string file) =>
        ExampleInRepository + "/" + Path.GetRelativePath(Example, file).Replace(Path.DirectorySeparatorChar, '/');

    /// <summary>
    /// Output as a terminal shows it from the repository root: test-folder paths back to repository paths, trailing
    /// blanks dropped, and durations (which vary from run to run) as one placeholder.
    /// </summary>
    public static string AsInRepository(string output, params (string Path, string InRepository)[] folders)
    {
        var text = output.Replace(Example, ExampleInRepository, StringComparison.Ordinal);
        foreach (var (path, inRepository) in folders) text = text.Replace(path, inRepository, StringComparison.Ordinal);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd());
        return Duration().Replace(string.Join('\n', lines).Trim('\n'), "<n> s)");
    }

    [GeneratedRegex(@"[0-9]+(\.[0-9]+)? s\)")]
    private static partial Regex Duration();
}
