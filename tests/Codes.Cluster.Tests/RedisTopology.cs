using StackExchange.Redis;

namespace HealthCode.Cluster.Tests;

/// <summary>Which Redis node serves a hash slot, as a live node of the cluster sees it (CLUSTER NODES).</summary>
public static class RedisTopology
{
    /// <summary>The slot map of the first connected node other than <paramref name="exceptPort"/>; null if none answers.</summary>
    public static async Task<ClusterConfiguration?> ViewAsync(IConnectionMultiplexer redis, int? exceptPort = null)
    {
        foreach (var endpoint in redis.GetEndPoints())
        {
            if (Port(endpoint) == exceptPort) continue;
            var server = redis.GetServer(endpoint);
            if (!server.IsConnected) continue;
            try
            {
                if (await server.ClusterNodesAsync() is { } view) return view;
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                // that node is down or busy: ask the next
            }
        }
        return null;
    }

    public static int? OwnerPort(ClusterConfiguration view, int slot) => view.GetBySlot(slot)?.EndPoint is { } endpoint ? Port(endpoint) : null;

    public static int? Port(EndPoint endpoint) => endpoint switch
    {
        IPEndPoint ip => ip.Port,
        DnsEndPoint dns => dns.Port,
        _ => null,
    };
}
