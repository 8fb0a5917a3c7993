namespace HealthCode.Testing;

/// <summary>
/// Where one Codes.Api process in the real mode stores and consumes: its Redis and RabbitMQ connection strings (any
/// form the service accepts: a node list for a Redis Cluster, several hosts for a RabbitMQ cluster), the key prefix
/// (instances sharing one prefix share the store), and the HTTP port (null: a free one at every start).
/// </summary>
public sealed record ServiceSettings(string KeyPrefix, string Redis, string RabbitMq, int? Port = null);
