using HealthCode.Verifier.Transport.RabbitMq;
using StackExchange.Redis;

namespace HealthCode.Api.Tests.Faults;

/// <summary>
/// The script's stop/start verbs for the shared Redis (AOF on) and RabbitMQ that scripts/services.sh runs
/// (addresses: <see cref="TestServers"/>).
/// The servers keep their state in the .run/ of the checkout that started them; a restart must use that checkout's
/// script, or Redis would come back on an empty AOF directory (a loss the test did not cause). The owner is found
/// from Redis' own "dir" and from the broker VM's home directory; the two may differ.
/// </summary>
public static class ServerControl
{
    public static string RedisPort => TestServers.Redis.Split(':').Last();
    /// <summary>The shared broker is one node (scripts/services.sh): its port is the address's first.</summary>
    public static string AmqpPort => AmqpAddress.Parse(TestServers.RabbitMq).Endpoints[0].Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static ConnectionMultiplexer ConnectRedis()
    {
        var options = ConfigurationOptions.Parse(TestServers.Redis);
        options.AbortOnConnectFail = false;
        options.AllowAdmin = true;
        options.ConnectTimeout = 2000;
        options.SyncTimeout = 5000;
        var mux = ConnectionMultiplexer.Connect(options);
        if (!mux.IsConnected)
            Assert.Fail($"Redis is not reachable at {TestServers.Redis}. Start the test servers with scripts/services.sh start.");
        return mux;
    }

    /// <summary>The checkout whose .run/redis the running Redis uses (its "dir"), else this one.</summary>
    public static string RedisOwner(ConnectionMultiplexer redis)
    {
        try
        {
            var dir = redis.GetServer(redis.GetEndPoints()[0]).ConfigGet("dir").FirstOrDefault().Value?.TrimEnd('/');
            var suffix = "/" + Path.Combine(".run", "redis");
            if (dir is not null && dir.EndsWith(suffix, StringComparison.Ordinal) && HasScript(dir[..^suffix.Length])) return dir[..^suffix.Length];
        }
        catch (RedisException)
        {
            // CONFIG may be disabled: assume this checkout.
        }
        return Repository.Root();
    }

    /// <summary>
    /// The checkout whose .run/rabbitmq the running broker uses: the Erlang VM started by services.sh runs with
    /// "-home &lt;checkout&gt;/.run/rabbitmq" and that checkout's rabbit.pid holds its pid. Else this checkout.
    /// </summary>
    public static string BrokerOwner()
    {
        var suffix = "/" + Path.Combine(".run", "rabbitmq");
        foreach (var proc in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(proc), out var pid)) continue;
            string[] args;
            try { args = File.ReadAllText(Path.Combine(proc, "cmdline")).Split('\0'); }
            catch (IOException) { continue; }
            catch (UnauthorizedAccessException) { continue; }
            if (args.Length == 0 || !args[0].EndsWith("beam.smp", StringComparison.Ordinal)) continue;
            var home = Array.IndexOf(args, "-home");
            if (home < 0 || home + 1 >= args.Length || !args[home + 1].EndsWith(suffix, StringComparison.Ordinal)) continue;
            var root = args[home + 1][..^suffix.Length];
            var pidFile = Path.Combine(root, ".run", "rabbitmq", "rabbit.pid");
            if (HasScript(root) && File.Exists(pidFile) && File.ReadAllText(pidFile).Trim() == pid.ToString(System.Globalization.CultureInfo.InvariantCulture))
                return root;
        }
        return Repository.Root();
    }

    /// <summary>Consumers attached to a queue (passive declare as guest).</summary>
    public static async Task<uint> ConsumerCountAsync(string queue)
    {
        var address = AmqpAddress.Parse(TestServers.RabbitMq);
        var factory = address.ApplyTo(new RabbitMQ.Client.ConnectionFactory { AutomaticRecoveryEnabled = false });
        await using var connection = await factory.CreateConnectionAsync(address.TcpEndpoints());
        await using var channel = await connection.CreateChannelAsync();
        return (await channel.QueueDeclarePassiveAsync(queue)).ConsumerCount;
    }

    /// <summary>Whether something accepts TCP connections on 127.0.0.1:<paramref name="port"/>.</summary>
    public static bool IsListening(string port)
    {
        try
        {
            using var socket = new System.Net.Sockets.TcpClient();
            return socket.ConnectAsync(IPAddress.Loopback, int.Parse(port, System.Globalization.CultureInfo.InvariantCulture)).Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
            return false;
        }
    }

    private static bool HasScript(string root) => File.Exists(Path.Combine(root, "scripts", "services.sh"));

    /// <summary>Runs scripts/services.sh &lt;verb&gt; of <paramref name="root"/>; fails the test on a non-zero exit or after the deadline.</summary>
    public static async Task<TimeSpan> ServicesAsync(string root, string verb, TimeSpan? deadline = null)
    {
        var environment = new Dictionary<string, string> { ["HC_REDIS_PORT"] = RedisPort, ["HC_AMQP_PORT"] = AmqpPort };
        var (_, took) = await ScriptRun.RunAsync(root, Path.Combine("scripts", "services.sh"), [verb], environment, deadline);
        return took;
    }

    /// <summary>For finally blocks: start both servers (each from its owner's checkout) whatever happened.</summary>
    public static async Task EnsureRunningAsync(string redisOwner, string brokerOwner)
    {
        foreach (var (root, verb) in new[] { (redisOwner, "start-redis"), (brokerOwner, "start-rabbitmq") })
        {
            try { await ServicesAsync(root, verb); }
            catch (Exception e) { await TestContext.Error.WriteLineAsync($"could not {verb}: {e.Message}"); }
        }
    }
}
