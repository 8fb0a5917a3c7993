using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using RabbitMQ.Client;

namespace HealthCode.Verifier.Transport.RabbitMq;

/// <summary>
/// <c>ConnectionStrings:RabbitMq</c>, parsed: <c>amqp[s]://[user[:password]@]host[:port][,host[:port]…][/vhost]</c>.
/// One host is a single broker, exactly as the AMQP URI always read; several hosts are the nodes of one cluster, and a
/// connection goes to any of them and moves to another when its node dies. A port left out is the scheme's (5672, or
/// 5671 for amqps); user name, password and virtual host are URL-escaped; without credentials the client's guest/guest
/// is used; the virtual host is one path segment, "/" when none is given. A query or fragment is ignored, as
/// RabbitMQ.Client's own URI parsing ignores it.
/// </summary>
public sealed record AmqpAddress(string UserName, string Password, string VirtualHost, bool Tls, IReadOnlyList<AmqpEndpoint> Endpoints)
{
    public const int DefaultPort = 5672;
    public const int DefaultTlsPort = 5671;
    private const string DefaultCredential = "guest";
    private const string Escapes = "a '/', '?' or '#' in the user name or password must be written %2F, %3F or %23";

    /// <summary>More than one node: the connection may land on any of them.</summary>
    public bool IsCluster => Endpoints.Count > 1;

    /// <summary>The address, or a <see cref="FormatException"/> saying what is wrong with it (never quoting the password).</summary>
    public static AmqpAddress Parse(string? text) =>
        TryParse(text, out var address, out var problem) ? address : throw new FormatException($"Not a valid AMQP address: {problem}.");

    /// <param name="problem">What is wrong, as a clause ("host 2 of 3 ('rabbit-2:x') has a port that is not …"); it quotes
    /// the scheme or a host entry at most, never the user name or password.</param>
    public static bool TryParse(string? text, [NotNullWhen(true)] out AmqpAddress? address, [NotNullWhen(false)] out string? problem)
    {
        address = null;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            problem = "the string is empty";
            return false;
        }

        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        var scheme = schemeEnd > 0 ? text[..schemeEnd] : "";
        bool tls;
        if (scheme.Equals("amqp", StringComparison.OrdinalIgnoreCase)) tls = false;
        else if (scheme.Equals("amqps", StringComparison.OrdinalIgnoreCase)) tls = true;
        else
        {
            problem = IsSchemeName(scheme) ? $"the scheme is '{scheme}', not amqp or amqps" : "it does not start with amqp:// or amqps://";
            return false;
        }

        var rest = text[(schemeEnd + 3)..];
        var authorityEnd = rest.IndexOfAny(['/', '?', '#']);
        var authority = authorityEnd < 0 ? rest : rest[..authorityEnd];
        var afterAuthority = authorityEnd < 0 ? "" : rest[authorityEnd..];

        // The last '@': an unescaped '@' in a password then still leaves the hosts intact.
        var at = authority.LastIndexOf('@');
        var userName = DefaultCredential;
        var password = DefaultCredential;
        if (at >= 0)
        {
            var userInfo = authority[..at];
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            userName = Uri.UnescapeDataString(colon < 0 ? userInfo : userInfo[..colon]);
            if (colon >= 0) password = Uri.UnescapeDataString(userInfo[(colon + 1)..]);
        }

        if (!TryParseHosts(authority[(at + 1)..], tls, out var endpoints, out problem))
        {
            // An unescaped '/', '?' or '#' in the password ends the authority early: the "hosts" read are then part of
            // the credentials, so say what happened instead of quoting them.
            if (at < 0 && afterAuthority.Contains('@', StringComparison.Ordinal)) problem = "it cannot be read: " + Escapes;
            return false;
        }

        var pathEnd = afterAuthority.IndexOfAny(['?', '#']);
        var path = pathEnd < 0 ? afterAuthority : afterAuthority[..pathEnd];
        var virtualHost = "/";
        if (path.Length > 1)
        {
            var segment = path[1..];
            if (segment.Contains('/', StringComparison.Ordinal))
            {
                problem = "the path has more than one segment: the virtual host is one segment (write a '/' in its name as %2F)";
                return false;
            }
            virtualHost = Uri.UnescapeDataString(segment);
        }

        address = new AmqpAddress(userName, password, virtualHost, tls, endpoints);
        return true;
    }

    /// <summary>
    /// The nodes as RabbitMQ.Client endpoints, for <c>ConnectionFactory.CreateConnectionAsync(endpoints, …)</c>: the
    /// client tries them in random order, and automatic recovery tries them all again when the connection drops.
    /// </summary>
    public IReadOnlyList<AmqpTcpEndpoint> TcpEndpoints() => [.. Endpoints.Select(e => new AmqpTcpEndpoint(e.Host, e.Port, TlsOption(e.Host)))];

    /// <summary>
    /// Credentials and virtual host onto <paramref name="factory"/>, and the first node as its single endpoint (so
    /// <c>CreateConnectionAsync()</c> without endpoints reaches that node; pass <see cref="TcpEndpoints"/> for any node).
    /// </summary>
    public ConnectionFactory ApplyTo(ConnectionFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        factory.UserName = UserName;
        factory.Password = Password;
        factory.VirtualHost = VirtualHost;
        factory.Endpoint = TcpEndpoints()[0];
        return factory;
    }

    /// <summary>The address with the password replaced by ***: safe for logs and messages.</summary>
    public override string ToString()
    {
        var vhost = VirtualHost == "/" ? "" : Uri.EscapeDataString(VirtualHost);
        return $"{(Tls ? "amqps" : "amqp")}://{Uri.EscapeDataString(UserName)}:***@{string.Join(',', Endpoints)}/{vhost}";
    }

    public bool Equals(AmqpAddress? other) =>
        other is not null && UserName == other.UserName && Password == other.Password && VirtualHost == other.VirtualHost
        && Tls == other.Tls && Endpoints.SequenceEqual(other.Endpoints);

    public override int GetHashCode() => HashCode.Combine(UserName, VirtualHost, Tls, Endpoints.Count > 0 ? Endpoints[0] : null);

    // What the client itself sets up for an amqps:// URI (ConnectionFactory.Uri): TLS with the host as server name and
    // a certificate name mismatch tolerated. Kept so that a single-host amqps address connects exactly as before.
    private SslOption TlsOption(string host) => Tls
        ? new SslOption(host, enabled: true) { AcceptablePolicyErrors = SslPolicyErrors.RemoteCertificateNameMismatch }
        : new SslOption();

    private static bool TryParseHosts(string list, bool tls, out IReadOnlyList<AmqpEndpoint> endpoints, [NotNullWhen(false)] out string? problem)
    {
        endpoints = [];
        if (list.Trim().Length == 0)
        {
            problem = "no host is named";
            return false;
        }

        var entries = list.Split(',');
        var parsed = new List<AmqpEndpoint>(entries.Length);
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i].Trim();
            var which = entries.Length == 1 ? $"host '{entry}'" : $"host {i + 1} of {entries.Length} ('{entry}')";
            if (entry.Length == 0)
            {
                problem = $"host {i + 1} of {entries.Length} is empty (a comma too many?)";
                return false;
            }
            if (!TryParseEndpoint(entry, tls ? DefaultTlsPort : DefaultPort, out var endpoint, out var entryProblem))
            {
                problem = $"{which} {entryProblem}";
                return false;
            }
            if (entries.Length > 1 && endpoint.IsIPv6)
            {
                // MassTransit reads cluster nodes as host:port split at ':' (ClusterNode.Parse).
                problem = $"{which} is an IPv6 address: list the nodes of a cluster by name or IPv4 address";
                return false;
            }
            var repeated = parsed.FindIndex(p => string.Equals(p.Host, endpoint.Host, StringComparison.OrdinalIgnoreCase) && p.Port == endpoint.Port);
            if (repeated >= 0)
            {
                problem = $"{which} repeats host {repeated + 1} ({endpoint})";
                return false;
            }
            parsed.Add(endpoint);
        }
        endpoints = parsed;
        problem = null;
        return true;
    }

    private static bool TryParseEndpoint(string entry, int defaultPort, [NotNullWhen(true)] out AmqpEndpoint? endpoint, [NotNullWhen(false)] out string? problem)
    {
        endpoint = null;
        string host;
        string? port;
        if (entry.StartsWith('['))
        {
            var close = entry.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                problem = "has a '[' without its ']'";
                return false;
            }
            host = entry[1..close];
            var tail = entry[(close + 1)..];
            if (tail.Length > 0 && tail[0] != ':')
            {
                problem = "has text after ']' that is not :port";
                return false;
            }
            port = tail.Length == 0 ? null : tail[1..];
            if (!IPAddress.TryParse(host, out var ip) || ip.AddressFamily != AddressFamily.InterNetworkV6)
            {
                problem = "has brackets that do not hold an IPv6 address";
                return false;
            }
        }
        else
        {
            var colon = entry.IndexOf(':', StringComparison.Ordinal);
            if (colon >= 0 && entry.IndexOf(':', colon + 1) >= 0)
            {
                problem = "has more than one ':' (an IPv6 address goes in brackets: [::1]:5672)";
                return false;
            }
            host = colon < 0 ? entry : entry[..colon];
            port = colon < 0 ? null : entry[(colon + 1)..];
            if (host.Length == 0)
            {
                problem = "has no host name before its port";
                return false;
            }
            if (!host.All(c => char.IsLetterOrDigit(c) || c is '-' or '.' or '_'))
            {
                problem = "has a character that cannot be in a host name";
                return false;
            }
        }

        var number = defaultPort;
        // An empty port ("host:") is the default, as in any URI.
        if (!string.IsNullOrEmpty(port)
            && (!port.All(char.IsAsciiDigit) || !int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out number) || number is < 1 or > 65535))
        {
            problem = "has a port that is not a number from 1 to 65535";
            return false;
        }

        endpoint = new AmqpEndpoint(host, number);
        problem = null;
        return true;
    }

    private static bool IsSchemeName(string scheme) =>
        scheme.Length > 0 && char.IsAsciiLetter(scheme[0]) && scheme.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.');
}
