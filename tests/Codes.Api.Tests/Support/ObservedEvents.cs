using System.Collections.Concurrent;
using HealthCode.Verifier.Ingestion;
using HealthCode.Verifier.Transport;

namespace HealthCode.Api.Tests.Support;

/// <summary>An extra observer: what the consumer decided for each message id (both transports tell every observer).</summary>
public sealed class ObservedEvents : IStatusEventObserver
{
    private readonly ConcurrentDictionary<string, ConsumeResult> _results = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, ConsumeResult> Results => _results;

    public Task OnConsumedAsync(InboundStatusEvent statusEvent, ConsumeResult result, CancellationToken cancellationToken = default)
    {
        if (statusEvent.MessageId is { } id) _results[id] = result;
        return Task.CompletedTask;
    }

    /// <summary>Waits until every id has an outcome, or the deadline passes; returns the ids still missing.</summary>
    public async Task<IReadOnlyList<string>> WaitForAllAsync(IEnumerable<string> ids, TimeSpan deadline)
    {
        var wanted = ids.ToList();
        return await Poll.Until(() => Task.FromResult(wanted.Where(id => !_results.ContainsKey(id)).ToList()), missing => missing.Count == 0, deadline);
    }
}
