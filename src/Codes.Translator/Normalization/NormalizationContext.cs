namespace HealthCode.Translator.Normalization;

/// <summary>
/// What the payload itself may not say. EventTime is the AMQP timestamp or receipt time, used where a region
/// leaves its status time empty (Zhejiang). Now lets tests and callers fix the clock.
/// </summary>
public sealed record NormalizationContext(DateTimeOffset Now, DateTimeOffset? EventTime = null);
