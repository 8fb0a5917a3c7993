namespace HealthCode.Api.Contracts;

/// <summary>The event was handed to the bus; MessageId identifies it in logs and error queues.</summary>
public sealed record StatusEventAccepted(string MessageId);
