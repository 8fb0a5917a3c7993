namespace HealthCode.Verifier.Verification;

/// <summary>The policy that decided: its id and version, and the hash of its file (which tells two loads apart even when the version was not bumped).</summary>
public sealed record PolicyInfo(string Id, string Version, string Hash);
