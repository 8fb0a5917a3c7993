namespace HealthCode.Verifier.Transport.RabbitMq;

/// <summary>One broker node of an <see cref="AmqpAddress"/>: a host name or IP address (IPv6 without brackets) and a port.</summary>
public sealed record AmqpEndpoint(string Host, int Port)
{
    public bool IsIPv6 => Host.Contains(':', StringComparison.Ordinal);

    /// <summary>host:port, IPv6 in brackets, as it is written in a connection string.</summary>
    public override string ToString() => IsIPv6 ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}
