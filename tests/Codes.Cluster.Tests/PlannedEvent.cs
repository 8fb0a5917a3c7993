namespace HealthCode.Cluster.Tests;

/// <summary>One publish of the stream, at position <paramref name="Index"/> in publishing order.</summary>
public sealed record PlannedEvent(int Index, CodeVersion Version, EventRole Role);

/// <summary>Original: the first publish of a version. Duplicate: the same version again, anywhere. Replay: an older version after a newer one.</summary>
public enum EventRole
{
    Original,
    Duplicate,
    Replay,
}
