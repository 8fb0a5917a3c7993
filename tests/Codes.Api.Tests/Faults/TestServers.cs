using System.Diagnostics;
using StackExchange.Redis;

namespace HealthCode.Api.Tests.Faults;

/// <summary>
/// The shared Redis (HC_TEST_REDIS, default 127.0.0.1:6380, AOF on) and RabbitMQ (HC_TEST_RABBITMQ, default
/// amqp://guest:guest@127.0.0.1:5673/) that scripts/services.sh runs, and the script's stop/start verbs.
/// The servers keep their state in the .run/ of the checkout that started them; a restart must use that checkout's
/// script, or Redis would come back on an empty AOF directory (a loss the test did not cause). The owner is found
/// from Redis' own "dir" and the live broker's pid file.
/// </summary>
public static class TestServers
{
    public static string Redis => Environment.GetEnvironmentVariable("HC_TEST_REDIS") is { Length: > 0 } a ? a : "127.0.0.1:6380";
    public static string RabbitMq => Environment.GetEnvironmentVariable("HC_TEST_RABBITMQ") is { Length: > 0 } r ? r : "amqp://guest:guest@127.0.0.1:5673/";

    /// <summary>The same broker as another user (deploy/rabbitmq/definitions.json: hc-service, region-&lt;id&gt;).</summary>
    public static string RabbitMqAs(string user, string password) =>
        new UriBuilder(RabbitMq) { UserName = Uri.EscapeDataString(user), Password = Uri.EscapeDataString(password) }.Uri.ToString();

    public static string RedisPort => Redis.Split(':').Last();
    public static string AmqpPort => new Uri(RabbitMq).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The checkout holding HealthCode.sln, found by walking up from the test output.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "HealthCode.sln"))) return dir.FullName;
        throw new InvalidOperationException("HealthCode.sln not found above " + AppContext.BaseDirectory);
    }

    public static ConnectionMultiplexer ConnectRedis()
    {
        var options = ConfigurationOptions.Parse(Redis);
        options.AbortOnConnectFail = false;
        options.AllowAdmin = true;
        options.ConnectTimeout = 2000;
        options.SyncTimeout = 5000;
        var mux = ConnectionMultiplexer.Connect(options);
        if (!mux.IsConnected)
            Assert.Fail($"Redis is not reachable at {Redis}. Start the test servers with scripts/services.sh start.");
        return mux;
    }

    /// <summary>Which checkout's scripts/services.sh owns the running servers (this one when nothing else does).</summary>
    public static string ScriptRoot(ConnectionMultiplexer redis)
    {
        var own = RepositoryRoot();
        var candidates = new List<string>();
        try
        {
            var dir = redis.GetServer(redis.GetEndPoints()[0]).ConfigGet("dir").FirstOrDefault().Value;
            var suffix = Path.Combine(".run", "redis");
            if (dir is not null && dir.TrimEnd('/').EndsWith(suffix, StringComparison.Ordinal))
                candidates.Add(dir.TrimEnd('/')[..^suffix.Length].TrimEnd('/'));
        }
        catch (RedisException)
        {
            // CONFIG may be disabled; fall back to this checkout.
        }
        candidates.Add(own);
        foreach (var root in candidates)
            if (File.Exists(Path.Combine(root, "scripts", "services.sh")) && BrokerRunsFrom(root)) return root;
        return candidates.FirstOrDefault(r => File.Exists(Path.Combine(r, "scripts", "services.sh"))) ?? own;
    }

    private static bool BrokerRunsFrom(string root)
    {
        var pidFile = Path.Combine(root, ".run", "rabbitmq", "rabbit.pid");
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid)) return false;
        try { return !Process.GetProcessById(pid).HasExited; }
        catch (ArgumentException) { return false; }
    }

    /// <summary>Runs scripts/services.sh &lt;verb&gt; of <paramref name="root"/>; fails the test on a non-zero exit or after the deadline.</summary>
    public static async Task<TimeSpan> ServicesAsync(string root, string verb, TimeSpan? deadline = null)
    {
        var clock = Stopwatch.StartNew();
        var info = new ProcessStartInfo("bash", [Path.Combine(root, "scripts", "services.sh"), verb])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = root,
        };
        info.Environment["HC_REDIS_PORT"] = RedisPort;
        info.Environment["HC_AMQP_PORT"] = AmqpPort;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(deadline ?? TimeSpan.FromSeconds(150));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"services.sh {verb} did not finish within {(deadline ?? TimeSpan.FromSeconds(150)).TotalSeconds} s");
        }
        var log = (await output) + (await errors);
        if (process.ExitCode != 0) Assert.Fail($"services.sh {verb} exited {process.ExitCode}: {log}");
        TestContext.Out.WriteLine($"services.sh {verb}: {clock.Elapsed.TotalSeconds:0.0} s {log.Trim()}");
        return clock.Elapsed;
    }

    /// <summary>For finally blocks: start both servers whatever happened, without failing over a failure.</summary>
    public static async Task EnsureRunningAsync(string root)
    {
        foreach (var verb in new[] { "start-redis", "start-rabbitmq" })
        {
            try { await ServicesAsync(root, verb); }
            catch (Exception e) { await TestContext.Error.WriteLineAsync($"could not {verb}: {e.Message}"); }
        }
    }
}
