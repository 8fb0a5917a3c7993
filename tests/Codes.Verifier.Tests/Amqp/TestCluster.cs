using System.Diagnostics;
using System.Globalization;

namespace HealthCode.Verifier.Tests.Amqp;

/// <summary>
/// The RabbitMQ cluster the "Cluster" tests run against, described by the environment:
/// <list type="bullet">
/// <item><c>HC_TEST_RABBITMQ_CLUSTER</c>: its multi-host address, e.g. amqp://guest:guest@127.0.0.1:5721,127.0.0.1:5722,127.0.0.1:5723/.
/// Absent: the tests are ignored (no cluster here).</item>
/// <item><c>HC_TEST_RABBITMQ_CLUSTER_STOP</c> and <c>HC_TEST_RABBITMQ_CLUSTER_START</c>: shell commands that stop, and
/// start again, the node whose AMQP port replaces <c>{port}</c>; START returns once the node answers AMQP. They run
/// with bash -c from the repository root. By default, the verbs of the local cluster that
/// <c>scripts/services.sh start-cluster</c> runs (AMQP 127.0.0.1:5721-5723): <c>scripts/cluster.sh rabbit-stop {port}</c>
/// and <c>rabbit-start {port}</c>.</item>
/// </list>
/// A quorum queue needs a majority of its replicas: on 3 nodes STOP may simply kill the node. On 2 nodes one replica
/// is no majority, so STOP must first move the replicas off that node, e.g.
/// <c>rabbitmq-queues -n hcx-{port}@localhost shrink hcx-{port}@localhost &amp;&amp; kill -9 …</c>.
/// </summary>
public sealed record TestCluster(string Address, string StopCommand, string StartCommand)
{
    public const string AddressVariable = "HC_TEST_RABBITMQ_CLUSTER";
    public const string StopVariable = "HC_TEST_RABBITMQ_CLUSTER_STOP";
    public const string StartVariable = "HC_TEST_RABBITMQ_CLUSTER_START";

    private static readonly TimeSpan CommandDeadline = TimeSpan.FromSeconds(180);

    public static TestCluster FromEnvironment()
    {
        if (Environment.GetEnvironmentVariable(AddressVariable) is not { Length: > 0 } address)
        {
            Assert.Ignore($"{AddressVariable} is not set: no RabbitMQ cluster to fail over on.");
            throw new InvalidOperationException("unreachable");
        }
        var stop = Environment.GetEnvironmentVariable(StopVariable) is { Length: > 0 } s ? s : "bash scripts/cluster.sh rabbit-stop {port}";
        var start = Environment.GetEnvironmentVariable(StartVariable) is { Length: > 0 } t ? t : "bash scripts/cluster.sh rabbit-start {port}";
        return new TestCluster(address, stop, start);
    }

    public Task StopNodeAsync(int port) => RunAsync(StopCommand, port);

    public Task StartNodeAsync(int port) => RunAsync(StartCommand, port);

    private static async Task RunAsync(string template, int port)
    {
        var command = template.Replace("{port}", port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var info = new ProcessStartInfo("bash", ["-c", command])
        {
            WorkingDirectory = AmqpTestEnvironment.RepositoryRoot(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(CommandDeadline);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"'{command}' did not finish within {CommandDeadline.TotalSeconds:0} s.");
        }
        if (process.ExitCode != 0)
            Assert.Fail($"'{command}' exited {process.ExitCode}:\n{await output}\n{await errors}");
        TestContext.Progress.WriteLine($"{command}: {(await errors).Trim()}");
    }
}
