namespace HealthCode.Verifier.Regional.Snapshots;

public enum SnapshotStartResult
{
    /// <summary>Received and queued: Status is the running record.</summary>
    Started,
    /// <summary>Another snapshot of the region runs (HTTP 409).</summary>
    Busy,
    /// <summary>The body is over the limit (HTTP 413); nothing was kept.</summary>
    TooLarge,
    /// <summary>A snapshot with this id exists already (an AMQP redelivery): Status is its record; nothing new runs.</summary>
    Exists,
}
