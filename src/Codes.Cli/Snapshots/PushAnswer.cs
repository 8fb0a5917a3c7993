using HealthCode.Verifier.Regional.Snapshots;

namespace HealthCode.Cli.Snapshots;

/// <summary>What the hub answered a snapshot push: 202 with the status and its Location, or the refusal (status, problem text).</summary>
public sealed record PushAnswer(int HttpStatus, SnapshotStatus? Status, Uri? Location, string? Problem)
{
    public bool Accepted => Status is not null && Location is not null;
}
