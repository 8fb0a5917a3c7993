namespace HealthCode.Testing;

/// <summary>
/// Where one Codes.Api process in the real mode stores and consumes: its Redis and RabbitMQ connection strings (any
/// form the service accepts: a node list for a Redis Cluster, several hosts for a RabbitMQ cluster), the key prefix
/// (instances sharing one prefix share the store), the HTTP port (null: a free one at every start) and any further
/// environment variables (configuration keys as HealthCode__Section__Key), set after the defaults.
/// </summary>
public sealed record ServiceSettings(string KeyPrefix, string Redis, string RabbitMq, int? Port = null,
    IReadOnlyDictionary<string, string>? Environment = null);
