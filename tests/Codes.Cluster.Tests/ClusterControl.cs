using System.Globalization;
using System.Text.RegularExpressions;

namespace HealthCode.Cluster.Tests;

/// <summary>
/// The fault verbs of scripts/cluster.sh (this checkout's, which knows the clusters that services.sh start-cluster
/// runs): kill -9 and restart of one Redis node, stop and start of one RabbitMQ node, each bounded by a deadline; any
/// failure fails the test with the script's output.
/// </summary>
public static partial class ClusterControl
{
    private static readonly string Script = Path.Combine("scripts", "cluster.sh");

    /// <summary>Ports of the Redis nodes that are masters now.</summary>
    public static async Task<IReadOnlyList<int>> RedisMastersAsync()
    {
        var (output, _) = await RunAsync("redis-masters");
        var ports = Number().Matches(output).Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture)).ToArray();
        if (ports.Length == 0) Assert.Fail($"cluster.sh redis-masters printed no port: {output}");
        return ports;
    }

    public static Task<TimeSpan> RedisKillAsync(int port) => TimedAsync("redis-kill", port);
    public static Task<TimeSpan> RedisStartAsync(int port) => TimedAsync("redis-start", port);
    public static Task<TimeSpan> RedisWaitOkAsync() => TimedAsync("redis-wait-ok");
    public static Task<TimeSpan> RabbitStopAsync(int port) => TimedAsync("rabbit-stop", port);
    public static Task<TimeSpan> RabbitStartAsync(int port) => TimedAsync("rabbit-start", port);
    public static Task<TimeSpan> RabbitWaitAsync() => TimedAsync("rabbit-wait");

    private static async Task<TimeSpan> TimedAsync(string verb, int? port = null)
    {
        var (_, took) = await RunAsync(verb, port);
        return took;
    }

    private static Task<(string Output, TimeSpan Took)> RunAsync(string verb, int? port = null)
    {
        var root = Repository.Root();
        if (!File.Exists(Path.Combine(root, Script))) Assert.Fail($"{Script} is missing in {root}: the Cluster tests need its fault verbs.");
        string[] arguments = port is { } p ? [verb, p.ToString(CultureInfo.InvariantCulture)] : [verb];
        return ScriptRun.RunAsync(root, Script, arguments, deadline: TimeSpan.FromSeconds(120));
    }

    // A port alone or after "host:"; never a part of a dotted address.
    [GeneratedRegex(@"(?<![\d.])\d{4,5}(?![\d.])")]
    private static partial Regex Number();
}
