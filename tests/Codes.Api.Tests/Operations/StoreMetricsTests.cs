using System.Diagnostics.Metrics;
using HealthCode.Api.Telemetry;
using HealthCode.Verifier.Store;
using Microsoft.Extensions.DependencyInjection;

namespace HealthCode.Api.Tests.Operations;

/// <summary>The store decorator times every call and counts failures by operation and outcome, passing everything through.</summary>
public sealed class StoreMetricsTests
{
    [Test]
    public async Task A_store_that_is_down_is_counted_as_an_unavailable_failure_and_still_throws()
    {
        await using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = services.GetRequiredService<IMeterFactory>();
        var failures = new List<(string Operation, string Outcome)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == factory && instrument.Name == StoreMetrics.FailuresInstrument) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            var map = tags.ToArray().ToDictionary(t => t.Key, t => (string)t.Value!);
            failures.Add((map["operation"], map["outcome"]));
        });
        listener.Start();

        using var metrics = new StoreMetrics(factory);
        var store = new InstrumentedStatusStore(new DownStore(), metrics, TimeProvider.System);
        Assert.ThrowsAsync<StoreUnavailableException>(() => store.GetAsync("110000", Fixtures.BeijingGreenCode));
        Assert.ThrowsAsync<StoreUnavailableException>(() => store.PingAsync());
        Assert.That(failures, Is.EqualTo(new[] { ("get", InstrumentedStatusStore.Unavailable), ("ping", InstrumentedStatusStore.Unavailable) }));
    }

    private sealed class DownStore : IStatusStore
    {
        public Task<ApplyOutcome> ApplyAsync(StatusEntry entry, TimeSpan timeToLive, CancellationToken cancellationToken = default) =>
            Task.FromException<ApplyOutcome>(new StoreUnavailableException("down"));

        public Task<StatusLookup> GetAsync(string issuer, string code, CancellationToken cancellationToken = default) =>
            Task.FromException<StatusLookup>(new StoreUnavailableException("down"));

        public Task PingAsync(CancellationToken cancellationToken = default) => Task.FromException(new StoreUnavailableException("down"));
    }
}
