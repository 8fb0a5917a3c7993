namespace HealthCode.Cli.Tests.Support;

/// <summary>
/// A fenced block of docs/onboarding.md that the tests hold to account: <c>file</c> blocks are a file of the worked
/// example verbatim (Name is its repository path), <c>from</c>
/// blocks are some of that file's root keys, <c>output</c> blocks are what a command prints (Name says which).
/// </summary>
public sealed record GuideBlock(string Kind, string Name, string Body)
{
    public override string ToString() => $"{Kind}: {Name}";
}
