using HealthCode.Verifier.Transport.RabbitMq;
using RabbitMQ.Client;
using StackExchange.Redis;

namespace HealthCode.Cluster.Tests;

/// <summary>
/// The Redis Cluster and RabbitMQ cluster of <c>scripts/services.sh start-cluster</c>: HC_TEST_REDIS_CLUSTER (the node
/// list, e.g. 127.0.0.1:7301,…,127.0.0.1:7306) and HC_TEST_RABBITMQ_CLUSTER (a multi-host AMQP URI,
/// amqp://guest:guest@127.0.0.1:5721,127.0.0.1:5722,127.0.0.1:5723/). Without them the Cluster tests are skipped;
/// with them set, a cluster that does not answer fails the tests.
/// </summary>
public static class ClusterServers
{
    public const string RedisVariable = "HC_TEST_REDIS_CLUSTER";
    public const string RabbitMqVariable = "HC_TEST_RABBITMQ_CLUSTER";

    /// <summary>Both connection strings, or Assert.Ignore when either variable is unset or empty.</summary>
    public static (string Redis, string RabbitMq) Require()
    {
        var redis = Environment.GetEnvironmentVariable(RedisVariable);
        var rabbit = Environment.GetEnvironmentVariable(RabbitMqVariable);
        if (string.IsNullOrWhiteSpace(redis) || string.IsNullOrWhiteSpace(rabbit))
            Assert.Ignore($"{RedisVariable} and {RabbitMqVariable} are not both set: start the clusters with scripts/services.sh start-cluster and export them (scripts/test.sh does).");
        return (redis!, rabbit!);
    }

    /// <summary>A multiplexer on the Redis Cluster (admin on: the test reads CLUSTER NODES); fails the test if no node answers or Redis is no cluster.</summary>
    public static ConnectionMultiplexer ConnectRedis(string nodes)
    {
        var options = ConfigurationOptions.Parse(nodes);
        options.AbortOnConnectFail = false;
        options.AllowAdmin = true;
        options.ConnectTimeout = 2000;
        options.SyncTimeout = 5000;
        var mux = ConnectionMultiplexer.Connect(options);
        if (!mux.IsConnected)
        {
            mux.Dispose();
            Assert.Fail($"{RedisVariable}={nodes}: no Redis node answers. Start them with scripts/services.sh start-cluster.");
        }
        var kind = mux.GetServers().FirstOrDefault(s => s.IsConnected)?.ServerType;
        if (kind != ServerType.Cluster)
        {
            mux.Dispose();
            Assert.Fail($"{RedisVariable}={nodes} is a {kind} Redis, not a Redis Cluster.");
        }
        return mux;
    }

    /// <summary>Fails the test unless some host of the AMQP URI accepts a connection.</summary>
    public static async Task CheckBrokerAsync(string uri)
    {
        var address = AmqpAddress.Parse(uri);
        try
        {
            await using var connection = await Factory(address).CreateConnectionAsync(address.TcpEndpoints(), "hc-cluster-test-check");
        }
        catch (Exception e) when (e is RabbitMQ.Client.Exceptions.BrokerUnreachableException or IOException)
        {
            Assert.Fail($"{RabbitMqVariable}: no RabbitMQ node of {address} answers ({e.Message}). Start them with scripts/services.sh start-cluster.");
        }
    }

    /// <summary>Consumers on a queue, asked of whichever node answers (passive declare).</summary>
    public static async Task<uint> ConsumerCountAsync(string uri, string queue)
    {
        var address = AmqpAddress.Parse(uri);
        await using var connection = await Factory(address).CreateConnectionAsync(address.TcpEndpoints(), "hc-cluster-test-consumers");
        await using var channel = await connection.CreateChannelAsync();
        return (await channel.QueueDeclarePassiveAsync(queue)).ConsumerCount;
    }

    private static ConnectionFactory Factory(AmqpAddress address) => address.ApplyTo(new ConnectionFactory
    {
        AutomaticRecoveryEnabled = false,
        RequestedConnectionTimeout = TimeSpan.FromSeconds(2),
    });
}
