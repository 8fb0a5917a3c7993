using HealthCode.Verifier.Store;

namespace HealthCode.Api.Telemetry;

/// <summary>
/// Wraps the composed <see cref="IStatusStore"/> (Redis or in-memory) and times every call into <see cref="StoreMetrics"/>.
/// It changes nothing else: results and exceptions pass through untouched, so fail-closed handling stays with the callers.
/// </summary>
public sealed class InstrumentedStatusStore(IStatusStore inner, StoreMetrics metrics, TimeProvider time) : IStatusStore, IStatusStoreDecorator
{
    public const string Ok = "ok";
    public const string Unavailable = "unavailable";
    public const string Error = "error";

    /// <summary>The store it measures (Redis or in-memory, as the mode composed it).</summary>
    public IStatusStore Inner => inner;

    public Task<ApplyOutcome> ApplyAsync(StatusEntry entry, TimeSpan timeToLive, CancellationToken cancellationToken = default) =>
        Measure("apply", () => inner.ApplyAsync(entry, timeToLive, cancellationToken));

    // Written out rather than through Measure: every verify comes here, and a closure and delegate per call add up.
    public async Task<StatusLookup> GetAsync(string issuer, string code, CancellationToken cancellationToken = default)
    {
        var started = time.GetTimestamp();
        var outcome = Error;
        try
        {
            var lookup = await inner.GetAsync(issuer, code, cancellationToken);
            outcome = Ok;
            return lookup;
        }
        catch (StoreUnavailableException)
        {
            outcome = Unavailable;
            throw;
        }
        finally
        {
            metrics.Record("get", outcome, time.GetElapsedTime(started));
        }
    }

    public Task PingAsync(CancellationToken cancellationToken = default) =>
        Measure("ping", async () =>
        {
            await inner.PingAsync(cancellationToken);
            return true;
        });

    private async Task<T> Measure<T>(string operation, Func<Task<T>> call)
    {
        var started = time.GetTimestamp();
        var outcome = Error;
        try
        {
            var result = await call();
            outcome = Ok;
            return result;
        }
        catch (StoreUnavailableException)
        {
            outcome = Unavailable;
            throw;
        }
        finally
        {
            metrics.Record(operation, outcome, time.GetElapsedTime(started));
        }
    }
}
