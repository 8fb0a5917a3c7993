using RabbitMQ.Client;
using StackExchange.Redis;
using HealthCode.Verifier.Store;

namespace HealthCode.Verifier.Tests.Amqp;

/// <summary>
/// The real broker and Redis the AMQP tests run against: HC_TEST_RABBITMQ (default amqp://guest:guest@127.0.0.1:5673/)
/// and HC_TEST_REDIS (default 127.0.0.1:6380), both started by scripts/services.sh start. Unreachable servers fail
/// the test with a message saying so: these tests are the transport's proof and must not silently skip.
/// </summary>
public static class AmqpTestEnvironment
{
    public static string RabbitMq => Environment.GetEnvironmentVariable("HC_TEST_RABBITMQ") is { Length: > 0 } r ? r : "amqp://guest:guest@127.0.0.1:5673/";
    public static string Redis => Environment.GetEnvironmentVariable("HC_TEST_REDIS") is { Length: > 0 } a ? a : "127.0.0.1:6380";

    public static string TestOutput => TestContext.CurrentContext.TestDirectory;
    public static string RegionsDirectory => Path.Combine(TestOutput, "schemas", "regions");
    public static string FixturesDirectory => Path.Combine(TestOutput, "fixtures", "regions");

    /// <summary>The same URI with other credentials (per-region users of deploy/rabbitmq/definitions.json).</summary>
    public static string RabbitMqAs(string user, string password)
    {
        var builder = new UriBuilder(RabbitMq) { UserName = Uri.EscapeDataString(user), Password = Uri.EscapeDataString(password) };
        return builder.Uri.ToString();
    }

    public static async Task<IConnection> ConnectAsync(string? uri = null, string name = "hc-test")
    {
        var factory = new ConnectionFactory { Uri = new Uri(uri ?? RabbitMq), ClientProvidedName = name, AutomaticRecoveryEnabled = false };
        try
        {
            return await factory.CreateConnectionAsync();
        }
        catch (RabbitMQ.Client.Exceptions.BrokerUnreachableException e)
        {
            Assert.Fail($"RabbitMQ is not reachable at {Redact(uri ?? RabbitMq)} ({e.InnerException?.Message ?? e.Message}). " +
                        "Start the test servers with scripts/services.sh start, or point HC_TEST_RABBITMQ at a broker.");
            throw;
        }
    }

    public static ConnectionMultiplexer ConnectRedis()
    {
        var options = RedisConnector.CreateOptions(Redis, TimeSpan.FromSeconds(2));
        options.SyncTimeout = 5000;
        var mux = ConnectionMultiplexer.Connect(options);
        if (!mux.IsConnected)
            Assert.Fail($"Redis is not reachable at {Redis}. Start the test servers with scripts/services.sh start, or point HC_TEST_REDIS at one.");
        return mux;
    }

    /// <summary>The repository root (scripts/services.sh), found by walking up from the test output.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(TestOutput); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "scripts", "services.sh"))) return dir.FullName;
        throw new InvalidOperationException("scripts/services.sh not found above " + TestOutput);
    }

    private static string Redact(string uri) => new UriBuilder(uri) { Password = "***" }.Uri.ToString();
}
