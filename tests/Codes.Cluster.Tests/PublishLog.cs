using System.Collections.Concurrent;

namespace HealthCode.Cluster.Tests;

/// <summary>
/// When each planned event was first sent and when the broker confirmed it (times on the test's clock), and the highest
/// confirmed sequence per code: the state the store owes once the stream is through.
/// </summary>
public sealed class PublishLog
{
    private readonly ConcurrentDictionary<int, TimeSpan> _confirmed = new();
    private readonly ConcurrentDictionary<(string Code, long Sequence), TimeSpan> _firstSent = new();
    private readonly ConcurrentDictionary<string, long> _highestConfirmed = new(StringComparer.Ordinal);

    public int Confirmed => _confirmed.Count;

    public void Sent(PlannedEvent planned, TimeSpan at) =>
        _firstSent.AddOrUpdate((planned.Version.Code, planned.Version.Sequence), at, (_, earlier) => earlier < at ? earlier : at);

    public void Confirm(PlannedEvent planned, TimeSpan at)
    {
        _confirmed[planned.Index] = at;
        _highestConfirmed.AddOrUpdate(planned.Version.Code, planned.Version.Sequence, (_, old) => Math.Max(old, planned.Version.Sequence));
    }

    public long? HighestConfirmed(string code) => _highestConfirmed.TryGetValue(code, out var sequence) ? sequence : null;

    /// <summary>When some event carrying this version was first handed to a publisher, or null if none was yet.</summary>
    public TimeSpan? FirstSent(CodeVersion version) => _firstSent.TryGetValue((version.Code, version.Sequence), out var at) ? at : null;
}
