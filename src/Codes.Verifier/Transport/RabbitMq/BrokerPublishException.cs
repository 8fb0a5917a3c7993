namespace HealthCode.Verifier.Transport.RabbitMq;

/// <summary>
/// The broker did not confirm a publish in time, refused it (nack), or returned it as unroutable. Nothing was
/// durably accepted: the HTTP layer answers 503 and the publisher may retry (duplicates are no-ops by sequence).
/// </summary>
public sealed class BrokerPublishException(string message, Exception? inner = null) : Exception(message, inner);
