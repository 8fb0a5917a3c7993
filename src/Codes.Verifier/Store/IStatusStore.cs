namespace HealthCode.Verifier.Store;

/// <summary>
/// The status cache. Apply is an atomic compare-and-set on the per-code sequence: applied only when the
/// incoming sequence is greater than the stored one (equal is a duplicate, lower superseded), or when a revocation
/// meets a live status of its own sequence (so a status and its revocation end revoked in either order). Every call
/// is bounded by a deadline and throws <see cref="StoreUnavailableException"/> on timeout or connection failure.
/// </summary>
public interface IStatusStore
{
    Task<ApplyOutcome> ApplyAsync(StatusEntry entry, TimeSpan timeToLive, CancellationToken cancellationToken = default);
    Task<StatusLookup> GetAsync(string issuer, string code, CancellationToken cancellationToken = default);
    Task PingAsync(CancellationToken cancellationToken = default);
}
