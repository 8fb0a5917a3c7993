namespace HealthCode.Api.Contracts;

/// <summary>Region: six-digit GB/T 2260 code; Scene: transport, venue, hospital, border or general; Id: the scanner, free text.</summary>
public sealed record CheckpointBody(string? Region, string? Scene, string? Id = null);
