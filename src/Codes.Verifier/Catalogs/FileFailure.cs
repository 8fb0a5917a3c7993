namespace HealthCode.Verifier.Catalogs;

/// <summary>A file of a catalogue folder that failed its checks. Id is its name without ".json": the id it would have had.</summary>
internal sealed record FileFailure(string Id, string File, string Path, string Message);
