using HealthCode.Verifier.Store;

namespace HealthCode.Verifier.Tests.Support;

/// <summary>
/// A store whose applies take <see cref="ApplyDelay"/> longer: keeps deliveries in flight (delivered, not yet acked)
/// for as long as a test needs to break the connection under them.
/// </summary>
public sealed class SlowStatusStore(IStatusStore inner) : IStatusStore
{
    public TimeSpan ApplyDelay { get; set; }

    public async Task<ApplyOutcome> ApplyAsync(StatusEntry entry, TimeSpan timeToLive, CancellationToken cancellationToken = default)
    {
        if (ApplyDelay > TimeSpan.Zero) await Task.Delay(ApplyDelay, cancellationToken);
        return await inner.ApplyAsync(entry, timeToLive, cancellationToken);
    }

    public Task<StatusLookup> GetAsync(string issuer, string code, CancellationToken cancellationToken = default) =>
        inner.GetAsync(issuer, code, cancellationToken);

    public Task PingAsync(CancellationToken cancellationToken = default) => inner.PingAsync(cancellationToken);
}
