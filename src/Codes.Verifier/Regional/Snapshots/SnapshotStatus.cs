namespace HealthCode.Verifier.Regional.Snapshots;

/// <summary>
/// GET /v1/regions/{region}/snapshots/{id}. Every line read is exactly one of applied (the snapshot's sequence was
/// newer), current (the hub held that sequence), hubAhead (the hub holds a newer one: a conflict for the region to look
/// into, never applied) or rejected (in the rejections feed with its line number). missingFromSnapshot: the region's
/// live codes the hub holds that no line mentioned (counted once the lines are done); revoked: how many of them
/// ?prune=revoke revoked. Error says why a snapshot failed; PruneSkipped why a requested prune did not run.
/// </summary>
public sealed record SnapshotStatus(
    string Id,
    string Region,
    SnapshotState State,
    long Lines,
    long Applied,
    long Current,
    long HubAhead,
    long Rejected,
    long MissingFromSnapshot,
    long Revoked,
    bool Prune,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    string? Error,
    string? PruneSkipped)
{
    public static SnapshotStatus Started(string id, string region, bool prune, DateTimeOffset at) =>
        new(id, region, SnapshotState.Running, 0, 0, 0, 0, 0, 0, 0, prune, at, null, null, null);
}
