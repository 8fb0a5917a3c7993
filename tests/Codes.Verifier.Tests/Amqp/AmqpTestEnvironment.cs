using HealthCode.Verifier.Store;
using HealthCode.Verifier.Transport.RabbitMq;
using RabbitMQ.Client;
using StackExchange.Redis;

namespace HealthCode.Verifier.Tests.Amqp;

/// <summary>
/// Connections to the real broker and Redis the AMQP tests run against (<see cref="TestServers"/>, both started by
/// scripts/services.sh start). Unreachable servers fail the test with a message saying so: these tests are the
/// transport's proof and must not silently skip.
/// </summary>
public static class AmqpTestEnvironment
{
    public static string TestOutput => TestContext.CurrentContext.TestDirectory;
    public static string RegionsDirectory => Path.Combine(TestOutput, "schemas", "regions");
    public static string FixturesDirectory => Path.Combine(TestOutput, "fixtures", "regions");

    public static async Task<IConnection> ConnectAsync(string? uri = null, string name = "hc-test")
    {
        var address = AmqpAddress.Parse(uri ?? TestServers.RabbitMq);
        var factory = address.ApplyTo(new ConnectionFactory { ClientProvidedName = name, AutomaticRecoveryEnabled = false });
        try
        {
            return await factory.CreateConnectionAsync(address.TcpEndpoints());
        }
        catch (RabbitMQ.Client.Exceptions.BrokerUnreachableException e)
        {
            Assert.Fail($"RabbitMQ is not reachable at {address} ({e.InnerException?.Message ?? e.Message}). " +
                        "Start the test servers with scripts/services.sh start, or point HC_TEST_RABBITMQ at a broker.");
            throw;
        }
    }

    /// <summary>A regional publisher on a connection of its own (<paramref name="uri"/>: another user, see <see cref="TestServers.RabbitMqAs"/>).</summary>
    public static async Task<RegionalPublisher> OpenPublisherAsync(string exchange, string? uri = null) =>
        await RegionalPublisher.OpenAsync(await ConnectAsync(uri, "hc-test-regional-publisher"), exchange, ownsConnection: true);

    public static ConnectionMultiplexer ConnectRedis()
    {
        var options = RedisConnector.CreateOptions(TestServers.Redis, TimeSpan.FromSeconds(2));
        options.SyncTimeout = 5000;
        var mux = ConnectionMultiplexer.Connect(options);
        if (!mux.IsConnected)
            Assert.Fail($"Redis is not reachable at {TestServers.Redis}. Start the test servers with scripts/services.sh start, or point HC_TEST_REDIS at one.");
        return mux;
    }

    /// <summary>The repository root (scripts/services.sh), found by walking up from the test output.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(TestOutput); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "scripts", "services.sh"))) return dir.FullName;
        throw new InvalidOperationException("scripts/services.sh not found above " + TestOutput);
    }
}
