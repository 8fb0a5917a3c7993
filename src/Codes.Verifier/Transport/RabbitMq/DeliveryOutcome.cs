using HealthCode.Verifier.Ingestion;

namespace HealthCode.Verifier.Transport.RabbitMq;

/// <summary>
/// What to do with one delivery. Ack: applied, superseded, or safely copied to the error queue. Requeue: the store
/// stayed unavailable (or the error-queue copy failed), so the broker keeps the event. Result is null for a requeue.
/// </summary>
public sealed record DeliveryOutcome(bool Ack, ConsumeResult? Result, bool ErrorQueued = false);
