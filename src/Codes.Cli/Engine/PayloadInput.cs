namespace HealthCode.Cli.Engine;

/// <summary>A native payload as a region sends it: its bytes and content type.</summary>
public sealed record PayloadInput(string Region, byte[] Body, string ContentType);
