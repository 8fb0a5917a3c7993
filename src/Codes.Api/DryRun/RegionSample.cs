namespace HealthCode.Api.DryRun;

/// <summary>A shipped sample payload of a region, ready to paste into a dry run (Body is the payload as text).</summary>
public sealed record RegionSample(string Name, string ContentType, string Body);
