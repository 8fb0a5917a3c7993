using HealthCode.Verifier.Store;
using StackExchange.Redis;

namespace HealthCode.Verifier.Tests.Support;

/// <summary>The real Redis the store tests run against (<see cref="TestServers.Redis"/>).</summary>
public static class TestRedis
{
    // The shared connection waits longer on sync calls (SCAN, cleanup) so a brief stall elsewhere does not fail a test.
    private static readonly Lazy<ConnectionMultiplexer> Shared = new(() => Connect(syncTimeout: TimeSpan.FromSeconds(5)));

    public static ConnectionMultiplexer Connection => Shared.Value;

    /// <summary>A connection of its own, for tests that pause or flush.</summary>
    public static ConnectionMultiplexer Connect(bool admin = false, TimeSpan? syncTimeout = null)
    {
        var options = RedisConnector.CreateOptions(TestServers.Redis, TimeSpan.FromSeconds(2));
        options.AllowAdmin = admin;
        // Short for the per-test connections: disposing one waits up to this long for its QUIT. An admin connection
        // outlasts its own CLIENT PAUSE: its UNPAUSE may wait for the pause, and the 3.x client times async calls out too.
        options.SyncTimeout = (int)(syncTimeout ?? TimeSpan.FromMilliseconds(admin ? 3000 : 500)).TotalMilliseconds;
        var mux = ConnectionMultiplexer.Connect(options);
        if (!mux.IsConnected) Assert.Ignore($"No Redis at {TestServers.Redis}: start the test servers with scripts/services.sh start");
        return mux;
    }

    public static string NewPrefix() => $"hct:{Guid.NewGuid():N}:";

    /// <summary>Every key under the prefix (SCAN, test-sized data only).</summary>
    public static IReadOnlyList<string> KeysUnder(string prefix)
    {
        var server = Connection.GetServer(Connection.GetEndPoints()[0]);
        return server.Keys(pattern: prefix + "*", pageSize: 1000).Select(k => (string)k!).ToList();
    }

    public static void DeleteUnder(string prefix)
    {
        var db = Connection.GetDatabase();
        foreach (var key in KeysUnder(prefix)) db.KeyDelete(key);
    }
}
