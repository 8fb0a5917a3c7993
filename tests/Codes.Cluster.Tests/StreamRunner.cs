using System.Diagnostics;

namespace HealthCode.Cluster.Tests;

/// <summary>
/// Sends a plan through several publisher connections at once: event i goes to publisher i mod n, due at i / rate
/// seconds after the start, with at most <c>inFlight</c> unconfirmed per publisher; each publish is retried until
/// the broker confirms it (RepublishingPublisher), so events of one code travel on different connections and may
/// overtake each other. Events from <c>holdFrom</c> on wait for <c>hold</c> (e.g. "the broker node is down"), then
/// follow at the same rate from the moment it completed: however long a fault takes to set in, the rest of the stream
/// goes through it.
/// </summary>
public static class StreamRunner
{
    public static Task RunAsync(EventPlan plan, IReadOnlyList<RepublishingPublisher> publishers, PublishLog log, Stopwatch clock,
        double perSecond, int inFlight, TimeSpan deadline, int holdFrom, Task hold, CancellationToken ct = default)
    {
        var start = clock.Elapsed;
        var resumed = ResumedAtAsync(hold, clock);
        return Task.WhenAll(publishers.Select((publisher, p) => RunOneAsync(plan,
            plan.Events.Where(e => e.Index % publishers.Count == p).ToArray(), publisher, log, clock, start, perSecond, inFlight, deadline,
            holdFrom, resumed, ct)));
    }

    private static async Task<TimeSpan> ResumedAtAsync(Task hold, Stopwatch clock)
    {
        await hold;
        return clock.Elapsed;
    }

    private static async Task RunOneAsync(EventPlan plan, IReadOnlyList<PlannedEvent> events, RepublishingPublisher publisher, PublishLog log,
        Stopwatch clock, TimeSpan start, double perSecond, int inFlight, TimeSpan deadline, int holdFrom, Task<TimeSpan> resumed, CancellationToken ct)
    {
        using var slots = new SemaphoreSlim(inFlight, inFlight);
        var pending = new List<Task>();
        foreach (var planned in events)
        {
            // A schedule, not a wait for a condition: the rate spreads the stream over the faults.
            var due = planned.Index < holdFrom
                ? start + TimeSpan.FromSeconds(planned.Index / perSecond)
                : Max(await resumed.WaitAsync(ct), start + TimeSpan.FromSeconds(holdFrom / perSecond)) + TimeSpan.FromSeconds((planned.Index - holdFrom) / perSecond);
            if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed, ct);
            await slots.WaitAsync(ct);
            pending.Add(PublishOneAsync(plan, planned, publisher, log, clock, slots, deadline, ct));
        }
        await Task.WhenAll(pending);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static async Task PublishOneAsync(EventPlan plan, PlannedEvent planned, RepublishingPublisher publisher, PublishLog log,
        Stopwatch clock, SemaphoreSlim slots, TimeSpan deadline, CancellationToken ct)
    {
        try
        {
            var version = planned.Version;
            log.Sent(planned, clock.Elapsed);
            await publisher.PublishAsync(EventPlan.Region, plan.Body(version), version.Sequence, version.Revoke ? version.Kind : null, deadline, ct);
            log.Confirm(planned, clock.Elapsed);
        }
        finally
        {
            slots.Release();
        }
    }
}
