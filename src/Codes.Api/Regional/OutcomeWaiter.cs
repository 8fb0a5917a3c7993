using HealthCode.Verifier.Regional;
using HealthCode.Verifier.Store;

namespace HealthCode.Api.Regional;

/// <summary>
/// ?wait on an HTTP publish: polls the ledger (20 ms, doubling to 250 ms) until the event is decided or the wait is
/// over. Polling, not a notification, because the consumer that decides may run on another replica. Bounded by the
/// caller's wait (at most <see cref="RegionalOptions.MaxWait"/>); a ledger that does not answer just ends the wait early.
/// </summary>
public static class OutcomeWaiter
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromMilliseconds(250);

    public static async Task<EventOutcome?> WaitAsync(IRegionalLedger ledger, string region, string messageId, TimeSpan wait, TimeProvider time,
        CancellationToken ct)
    {
        var started = time.GetTimestamp();
        var delay = FirstDelay;
        while (true)
        {
            try
            {
                if (await ledger.GetOutcomeAsync(region, messageId, ct) is { State: not EventState.Pending } decided) return decided;
            }
            catch (StoreUnavailableException)
            {
                return null;
            }
            var left = wait - time.GetElapsedTime(started);
            if (left <= TimeSpan.Zero) return null;
            await Task.Delay(left < delay ? left : delay, time, ct);
            delay = delay * 2 < MaxDelay ? delay * 2 : MaxDelay;
        }
    }
}
