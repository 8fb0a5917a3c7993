using HealthCode.Verifier.Ingestion;
using Microsoft.Extensions.Options;

namespace HealthCode.Verifier.Regional;

/// <summary>
/// The embedded mode's ledger, with the semantics of <see cref="RedisRegionalLedger"/>: first decision per message id
/// wins, outcomes expire, the feed is capped, heartbeats apply only with a higher sequence, lag samples are windowed
/// and capped, the code index expires with its entries. One lock; the work under it is small except a diff's first
/// page, which copies the region's code list once.
/// </summary>
public sealed class InMemoryRegionalLedger(TimeProvider time, IOptions<RegionalOptions> options) : IRegionalLedger
{
    private const int UnlistedPageSize = 1000;
    private readonly RegionalOptions _options = options.Value;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, InMemoryRegionBook> _books = new(StringComparer.Ordinal);

    public Task RecordPendingAsync(string region, string messageId, long sequence, DateTimeOffset receivedAt, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var book = Book(region);
            if (!TryGetOutcome(book, messageId, out _))
                book.Outcomes[messageId] = (new EventOutcome(messageId, EventState.Pending, null, null, null, sequence, receivedAt, null), Expiry());
        }
        return Task.CompletedTask;
    }

    public Task ForgetPendingAsync(string region, string messageId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var book = Book(region);
            if (TryGetOutcome(book, messageId, out var outcome) && outcome.State == EventState.Pending) book.Outcomes.Remove(messageId);
        }
        return Task.CompletedTask;
    }

    public Task<EventState> RecordAsync(string region, LedgerEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_gate)
        {
            var book = Book(region);
            Sweep(book);
            var state = entry.Heartbeat ? Heartbeat(book, entry) : entry.State;
            var lagBase = entry.PublishedAt;
            if (entry.MessageId is { } id)
            {
                var received = entry.DecidedAt;
                if (TryGetOutcome(book, id, out var current))
                {
                    if (current.State != EventState.Pending) return Task.FromResult(state);
                    received = current.ReceivedAt;
                    lagBase = current.ReceivedAt;
                }
                book.Outcomes[id] = (new EventOutcome(id, state, entry.Reason, entry.Detail, entry.Fields.Count == 0 ? null : entry.Fields,
                    entry.Sequence, received, entry.DecidedAt), Expiry());
            }
            if (state == EventState.Rejected) AppendRejection(book, entry);
            else Accepted(book, entry, state, lagBase);
            return Task.FromResult(state);
        }
    }

    public Task<EventOutcome?> GetOutcomeAsync(string region, string messageId, CancellationToken cancellationToken = default)
    {
        lock (_gate) return Task.FromResult(TryGetOutcome(Book(region), messageId, out var outcome) ? outcome : null);
    }

    public Task<RejectionPage> ReadRejectionsAsync(string region, RejectionCursor after, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        lock (_gate)
        {
            var book = Book(region);
            var items = book.Feed.Skip(book.FirstAfter(after)).Take(limit).ToList();
            return Task.FromResult(new RejectionPage(items, items.Count == 0 ? after.ToString() : items[^1].Id));
        }
    }

    public Task<RegionSigns> GetSignsAsync(string region, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var book = Book(region);
            return Task.FromResult(new RegionSigns(book.LastEventAt, book.LastHeartbeatAt));
        }
    }

    public Task<LagSummary> GetLagAsync(string region, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var since = now - _options.LagWindow;
            return Task.FromResult(LagSummary.Of(Book(region).Lag.Where(s => s.At > since).Select(s => s.LagMs).ToList(), _options.LagWindow));
        }
    }

    public Task MarkSeenAsync(string region, string snapshotId, string code, CancellationToken cancellationToken = default)
    {
        lock (_gate) Seen(Book(region), snapshotId).Add(code);
        return Task.CompletedTask;
    }

    public Task<UnlistedPage> FindUnlistedAsync(string region, string snapshotId, string cursor, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var book = Book(region);
            if (cursor == "0" || !book.Diffs.TryGetValue(snapshotId, out var codes)) book.Diffs[snapshotId] = codes = book.Codes.Keys.ToArray();
            var start = cursor == "0" ? 0 : int.Parse(cursor, System.Globalization.CultureInfo.InvariantCulture);
            var end = Math.Min(codes.Length, start + UnlistedPageSize);
            var seen = Seen(book, snapshotId);
            var page = new List<string>();
            for (var i = start; i < end; i++)
            {
                if (book.Codes.TryGetValue(codes[i], out var expires) && expires > now && seen.Add(codes[i])) page.Add(codes[i]);
            }
            var next = end >= codes.Length ? "0" : end.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (next == "0") book.Diffs.Remove(snapshotId);
            return Task.FromResult(new UnlistedPage(page, next));
        }
    }

    public Task DropSeenAsync(string region, string snapshotId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var book = Book(region);
            book.Seen.Remove(snapshotId);
            book.Diffs.Remove(snapshotId);
        }
        return Task.CompletedTask;
    }

    private EventState Heartbeat(InMemoryRegionBook book, LedgerEntry entry)
    {
        var incoming = entry.Sequence ?? 0;
        if (book.HeartbeatSequence is { } last && last > incoming) return EventState.Superseded;
        if (book.HeartbeatSequence == incoming) return EventState.Duplicate;
        book.HeartbeatSequence = incoming;
        if (book.LastHeartbeatAt is not { } hb || entry.DecidedAt > hb) book.LastHeartbeatAt = entry.DecidedAt;
        return EventState.Applied;
    }

    private void AppendRejection(InMemoryRegionBook book, LedgerEntry entry)
    {
        var id = book.NextFeedId(entry.DecidedAt);
        book.Feed.Add(new RejectionItem(id.ToString(), entry.MessageId, entry.Reason ?? "", entry.Detail, entry.Fields.Count == 0 ? null : entry.Fields,
            entry.Sequence, DateTimeOffset.FromUnixTimeMilliseconds(entry.DecidedAt.ToUnixTimeMilliseconds()), entry.Snapshot?.SnapshotId, entry.Snapshot?.Line));
        // Trimmed in chunks, as MAXLEN ~ does, so a full feed does not shift the list on every append.
        if (book.Feed.Count > _options.RejectionFeedLength + _options.RejectionFeedLength / 10)
            book.Feed.RemoveRange(0, book.Feed.Count - _options.RejectionFeedLength);
    }

    private void Accepted(InMemoryRegionBook book, LedgerEntry entry, EventState state, DateTimeOffset? lagBase)
    {
        var now = entry.DecidedAt;
        if (entry.Alive && (book.LastEventAt is not { } last || now > last)) book.LastEventAt = now;
        if (state == EventState.Applied && entry.Code is { } code)
        {
            if (entry.Index == CodeIndexChange.Add && entry.CodeExpiresAt is { } expires) book.Codes[code] = expires;
            else if (entry.Index == CodeIndexChange.Remove) book.Codes.Remove(code);
        }
        if (state == EventState.Applied && entry.LagTag is not null && lagBase is { } from)
        {
            book.Lag.Add((now, Math.Max(0, (long)(now - from).TotalMilliseconds)));
            var old = 0;
            while (old < book.Lag.Count && book.Lag[old].At <= now - _options.LagWindow) old++;
            old = Math.Max(old, book.Lag.Count - _options.LagSamples);
            if (old > 0) book.Lag.RemoveRange(0, old);
        }
        if (entry.Snapshot is { } line && entry.Code is { } seenCode) Seen(book, line.SnapshotId).Add(seenCode);
    }

    private static HashSet<string> Seen(InMemoryRegionBook book, string snapshotId)
    {
        if (!book.Seen.TryGetValue(snapshotId, out var seen)) book.Seen[snapshotId] = seen = new HashSet<string>(StringComparer.Ordinal);
        return seen;
    }

    private bool TryGetOutcome(InMemoryRegionBook book, string messageId, out EventOutcome outcome)
    {
        if (book.Outcomes.TryGetValue(messageId, out var stored) && stored.ExpiresAt > time.GetUtcNow())
        {
            outcome = stored.Outcome;
            return true;
        }
        book.Outcomes.Remove(messageId);
        outcome = null!;
        return false;
    }

    // Outcomes and index entries nobody reads again would otherwise stay in memory after they expire. Swept when
    // either has doubled since its last sweep, so the cost per write stays constant however large they grow.
    private void Sweep(InMemoryRegionBook book)
    {
        var now = time.GetUtcNow();
        if (book.Outcomes.Count >= book.OutcomesSweepAt)
        {
            foreach (var (id, stored) in book.Outcomes.ToArray())
                if (stored.ExpiresAt <= now) book.Outcomes.Remove(id);
            book.OutcomesSweepAt = Math.Max(1024, 2 * book.Outcomes.Count);
        }
        if (book.Codes.Count >= book.CodesSweepAt)
        {
            foreach (var (code, expires) in book.Codes.ToArray())
                if (expires <= now) book.Codes.Remove(code);
            book.CodesSweepAt = Math.Max(1024, 2 * book.Codes.Count);
        }
    }

    private DateTimeOffset Expiry() => time.GetUtcNow() + _options.OutcomeRetention;

    private InMemoryRegionBook Book(string region)
    {
        if (!_books.TryGetValue(region, out var book)) _books[region] = book = new InMemoryRegionBook();
        return book;
    }
}
