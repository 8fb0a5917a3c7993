using HealthCode.Verifier.Store;

namespace HealthCode.Api.DryRun;

/// <summary>
/// A store holding exactly one status, the dry run's record, so verify judges it alone and the real store is never
/// read or written. Apply is refused: nothing a dry run does may be kept.
/// </summary>
internal sealed class SingleStatusStore(StatusEntry entry) : IStatusStore
{
    public Task<ApplyOutcome> ApplyAsync(StatusEntry entry, TimeSpan timeToLive, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("A dry run stores nothing.");

    public Task<StatusLookup> GetAsync(string issuer, string code, CancellationToken cancellationToken = default) =>
        Task.FromResult(new StatusLookup(issuer == entry.Issuer && code == entry.Code ? entry : null, []));

    public Task PingAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
}
