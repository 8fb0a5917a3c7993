using RabbitMQ.Client;

namespace HealthCode.Testing;

/// <summary>
/// Tries the hosts in the order given. RabbitMQ.Client's default resolver shuffles them: a test that stops one node
/// wants to know which publishers it hits.
/// </summary>
public sealed class OrderedEndpoints(IReadOnlyList<AmqpTcpEndpoint> endpoints) : IEndpointResolver
{
    public IEnumerable<AmqpTcpEndpoint> All() => endpoints;
}
