namespace HealthCode.Api.Contracts;

/// <summary>DESIGN.md §5 verify request. Issuer is optional: it is detected from the code's pattern when omitted.</summary>
public sealed record VerifyRequestBody(string? Code, CheckpointBody? Checkpoint, string? Issuer = null);
