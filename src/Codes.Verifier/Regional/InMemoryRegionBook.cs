namespace HealthCode.Verifier.Regional;

/// <summary>One region's part of the in-memory ledger; guarded by the ledger's lock.</summary>
internal sealed class InMemoryRegionBook
{
    public Dictionary<string, (EventOutcome Outcome, DateTimeOffset ExpiresAt)> Outcomes { get; } = new(StringComparer.Ordinal);
    public List<RejectionItem> Feed { get; } = [];
    public RejectionCursor LastFeedId { get; set; } = RejectionCursor.Start;
    public DateTimeOffset? LastEventAt { get; set; }
    public DateTimeOffset? LastHeartbeatAt { get; set; }
    public long? HeartbeatSequence { get; set; }
    public List<(DateTimeOffset At, long LagMs)> Lag { get; } = [];
    /// <summary>Code → when its status expires.</summary>
    public Dictionary<string, DateTimeOffset> Codes { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, HashSet<string>> Seen { get; } = new(StringComparer.Ordinal);
    /// <summary>The codes a snapshot diff walks, frozen when it starts (cursor = position).</summary>
    public Dictionary<string, string[]> Diffs { get; } = new(StringComparer.Ordinal);

    public int OutcomesSweepAt { get; set; } = 1024;
    public int CodesSweepAt { get; set; } = 1024;

    public RejectionCursor NextFeedId(DateTimeOffset now)
    {
        var ms = (ulong)Math.Max(0, now.ToUnixTimeMilliseconds());
        LastFeedId = ms > LastFeedId.Milliseconds ? new RejectionCursor(ms, 0) : LastFeedId with { Counter = LastFeedId.Counter + 1 };
        return LastFeedId;
    }

    /// <summary>Index of the first feed entry after <paramref name="after"/>.</summary>
    public int FirstAfter(RejectionCursor after)
    {
        int lo = 0, hi = Feed.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (RejectionCursor.TryParse(Feed[mid].Id, out var id) && id.Value.CompareTo(after) <= 0) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
