namespace HealthCode.Cluster.Tests;

/// <summary>The decision verify must give for a code, whether other-code-restricts must be among its reasons, and the status sequence it decides on.</summary>
public sealed record Verdict(string Decision, bool OtherCodeRestricts, long Sequence);
