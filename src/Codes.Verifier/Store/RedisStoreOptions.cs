namespace HealthCode.Verifier.Store;

/// <summary>
/// KeyPrefix namespaces every key (tests use a random one). The timeouts bound each call on the client side.
/// StatusBuckets and HolderBuckets spread statuses and the holder index over that many hashes: layout settings, fixed
/// for the life of a store (changing one needs a resync, docs/scale-out.md); keep about 64 fields or fewer per bucket so
/// each stays a compact listpack.
/// </summary>
public sealed record RedisStoreOptions
{
    public string KeyPrefix { get; init; } = "hc:";
    public TimeSpan ReadTimeout { get; init; } = TimeSpan.FromMilliseconds(250);
    public TimeSpan WriteTimeout { get; init; } = TimeSpan.FromSeconds(2);
    /// <summary>At most this many other codes of one holder are returned.</summary>
    public int MaxOtherCodes { get; init; } = 32;
    public int StatusBuckets { get; init; } = 65536;
    public int HolderBuckets { get; init; } = 65536;

    /// <summary>
    /// Replicas that must have a status write before its event is acknowledged (WAIT, <see cref="ReplicaAcknowledgement"/>);
    /// 0 waits for none. Set 1 on a Redis Cluster or a primary with replicas: without it a master that dies just after
    /// a write can take the write with it.
    /// </summary>
    public int ReplicaAcks { get; init; }

    /// <summary>How long one WAIT may take before the write counts as unreplicated.</summary>
    public TimeSpan ReplicaAckTimeout { get; init; } = TimeSpan.FromMilliseconds(100);
}
