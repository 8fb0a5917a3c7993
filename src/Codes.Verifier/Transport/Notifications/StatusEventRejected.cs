namespace HealthCode.Verifier.Transport.Notifications;

/// <summary>Integration event: a status event was refused (Reason is an ingestion reason code); no payload content.</summary>
public sealed record StatusEventRejected(string Region, string Reason, string? MessageId);
