namespace HealthCode.Verifier.Regional;

/// <summary>
/// Redis key layout of the regional ledger, under the store's KeyPrefix. Every key carries the hash tag {region}, so
/// each Lua script and multi-key command touches one hash slot (Redis Cluster) and a key of one region can never be
/// built from another's path:
/// outcome "{prefix}{region}:ev:{messageId}" (hash), rejections "{prefix}{region}:rejections" (stream),
/// signs "{prefix}{region}:signs" (hash: ev, hb, hbseq), lag "{prefix}{region}:lag" (sorted set by applied time),
/// codes "{prefix}{region}:codes" (sorted set by expiry), seen "{prefix}{region}:snap:{id}:seen" (set),
/// snapshot "{prefix}{region}:snap:{id}" (hash), snapshot lock "{prefix}{region}:snap-lock".
/// </summary>
public sealed class RegionalKeys(string prefix)
{
    public string Prefix { get; } = prefix;

    public string Outcome(string region, string messageId) => $"{Tag(region)}:ev:{messageId}";
    public string Rejections(string region) => $"{Tag(region)}:rejections";
    public string Signs(string region) => $"{Tag(region)}:signs";
    public string Lag(string region) => $"{Tag(region)}:lag";
    public string Codes(string region) => $"{Tag(region)}:codes";
    public string Seen(string region, string snapshotId) => $"{Tag(region)}:snap:{snapshotId}:seen";
    public string Snapshot(string region, string snapshotId) => $"{Tag(region)}:snap:{snapshotId}";
    public string SnapshotLock(string region) => $"{Tag(region)}:snap-lock";

    private string Tag(string region) => $"{Prefix}{{{region}}}";
}
