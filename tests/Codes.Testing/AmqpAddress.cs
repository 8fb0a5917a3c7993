using System.Globalization;
using RabbitMQ.Client;

namespace HealthCode.Testing;

/// <summary>
/// An AMQP URI that may list several hosts of one cluster, amqp://user:password@host1:port1,host2:port2/vhost (the
/// form ConnectionStrings:RabbitMq takes), read the way a regional system with plain RabbitMQ.Client would: the
/// credentials and vhost for the factory, the hosts as endpoints to try in turn.
/// </summary>
public sealed record AmqpAddress(string UserName, string Password, string VirtualHost, IReadOnlyList<AmqpTcpEndpoint> Hosts)
{
    public static AmqpAddress Parse(string uri)
    {
        const string scheme = "amqp://";
        if (!uri.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            throw new FormatException($"not an amqp:// URI: {uri}");
        var rest = uri[scheme.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = slash < 0 ? rest : rest[..slash];
        var path = slash < 0 ? "" : rest[(slash + 1)..];
        var at = authority.LastIndexOf('@');
        var user = "guest";
        var password = "guest";
        if (at >= 0)
        {
            var info = authority[..at].Split(':', 2);
            user = Uri.UnescapeDataString(info[0]);
            password = info.Length > 1 ? Uri.UnescapeDataString(info[1]) : "";
            authority = authority[(at + 1)..];
        }
        var hosts = authority.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(host =>
        {
            var colon = host.LastIndexOf(':');
            return colon < 0
                ? new AmqpTcpEndpoint(host)
                : new AmqpTcpEndpoint(host[..colon], int.Parse(host[(colon + 1)..], CultureInfo.InvariantCulture));
        }).ToArray();
        if (hosts.Length == 0) throw new FormatException($"no host in {uri}");
        return new AmqpAddress(user, password, path.Length == 0 ? "/" : Uri.UnescapeDataString(path), hosts);
    }

    /// <summary>The hosts starting at <paramref name="first"/> (modulo their count), then the others in order.</summary>
    public IReadOnlyList<AmqpTcpEndpoint> HostsFrom(int first) =>
        Enumerable.Range(0, Hosts.Count).Select(i => Hosts[(first + i) % Hosts.Count]).ToArray();

    /// <summary>Port of each host, for messages and for the scripts that stop a node by its port.</summary>
    public IReadOnlyList<int> Ports => Hosts.Select(h => h.Port).ToArray();
}
