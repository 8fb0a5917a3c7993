using HealthCode.Api.Tests.Support;
using HealthCode.Translator.Normalization;
using HealthCode.Translator.Normalization.Time;
using HealthCode.Translator.Profiles;
using HealthCode.Verifier.Ingestion;
using HealthCode.Verifier.Privacy;
using HealthCode.Verifier.Regional;
using HealthCode.Verifier.Store;
using HealthCode.Verifier.Transport;
using HealthCode.Verifier.Transport.InProcess;
using HealthCode.Verifier.Trust;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace HealthCode.Api.Tests;

/// <summary>The embedded bus on its own: queue → the one consumer → observers, with store outages retried.</summary>
public sealed class InProcessTransportTests
{
    private static readonly IRegionCatalog Regions = RegionCatalog.LoadFromDirectory(Path.Combine(AppContext.BaseDirectory, "schemas", "regions"));

    private static InboundStatusEvent Event(string sequence) => new(
        "110000", "110000", sequence, null, "application/json",
        StatusTimeRewriter.Rewrite(Regions.Find("110000")!, Fixtures.Read("110000/green.json"), DateTimeOffset.UtcNow), Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow, null, null, "http");

    private static ServiceProvider Build(IStatusStore store, RecordingObserver observer, Action<IngestionOptions>? tune = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.Configure<IngestionOptions>(o => tune?.Invoke(o));
        services.AddSingleton(sp => new StatusEventConsumer(store, new Normalizer(), Regions, HolderKeys.FromSecret("a-test-secret-of-enough-bytes"),
            TimeProvider.System, new SignatureEventAuthenticator(TrustStore.Empty, TimeProvider.System),
            sp.GetRequiredService<IOptions<IngestionOptions>>(), new IngestionMetrics()));
        services.AddSingleton<IStatusEventObserver>(observer);
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSingleton(store);
        services.AddSingleton(Regions);
        services.AddInProcessStatusTransport();
        services.AddRegionalFeedback();
        return services.BuildServiceProvider();
    }

    [Test]
    public async Task A_published_event_is_consumed_and_every_observer_is_told()
    {
        var observer = new RecordingObserver();
        await using var provider = Build(new InMemoryStatusStore(), observer);
        var worker = provider.GetServices<IHostedService>().OfType<InProcessStatusEventWorker>().Single();
        await worker.StartAsync(CancellationToken.None);

        await provider.GetRequiredService<IStatusEventPublisher>().PublishAsync(Event("7"));
        var result = await observer.Next();

        Assert.That(result.Status, Is.EqualTo(ConsumeStatus.Applied));
        await worker.StopAsync(CancellationToken.None);
    }

    [Test]
    public async Task A_store_outage_is_retried_until_the_store_answers()
    {
        var observer = new RecordingObserver();
        var store = new FlakyStore(failures: 2);
        await using var provider = Build(store, observer, o => o.StoreRetryFirstDelay = TimeSpan.FromMilliseconds(1));
        var worker = provider.GetServices<IHostedService>().OfType<InProcessStatusEventWorker>().Single();
        await worker.StartAsync(CancellationToken.None);

        await provider.GetRequiredService<IStatusEventPublisher>().PublishAsync(Event("7"));
        var result = await observer.Next();

        Assert.That(result.Status, Is.EqualTo(ConsumeStatus.Applied));
        Assert.That(store.Attempts, Is.EqualTo(3));
        await worker.StopAsync(CancellationToken.None);
    }

    [Test]
    public async Task A_store_that_stays_down_gives_up_after_the_bounded_attempts_and_goes_on()
    {
        var observer = new RecordingObserver();
        var store = new FlakyStore(failures: int.MaxValue);
        await using var provider = Build(store, observer, o => (o.StoreAttempts, o.StoreRetryFirstDelay) = (3, TimeSpan.FromMilliseconds(1)));
        var worker = provider.GetServices<IHostedService>().OfType<InProcessStatusEventWorker>().Single();
        await worker.StartAsync(CancellationToken.None);
        var publisher = provider.GetRequiredService<IStatusEventPublisher>();

        await publisher.PublishAsync(Event("7"));
        await publisher.PublishAsync(Event("8"));
        var first = await observer.Next();
        var second = await observer.Next();

        Assert.That(first.ReasonCode, Is.EqualTo(IngestionReasonCodes.StoreUnavailable));
        Assert.That(second.Status, Is.EqualTo(ConsumeStatus.Rejected), "the worker goes on with the next event");
        Assert.That(store.Attempts, Is.EqualTo(6));
        await worker.StopAsync(CancellationToken.None);
    }

    private sealed class RecordingObserver : IStatusEventObserver
    {
        private readonly System.Threading.Channels.Channel<ConsumeResult> _results = System.Threading.Channels.Channel.CreateUnbounded<ConsumeResult>();

        public Task OnConsumedAsync(InboundStatusEvent statusEvent, ConsumeResult result, CancellationToken cancellationToken = default) =>
            _results.Writer.WriteAsync(result, cancellationToken).AsTask();

        public Task<ConsumeResult> Next() => _results.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
    }

    private sealed class FlakyStore(int failures) : IStatusStore
    {
        private readonly InMemoryStatusStore _inner = new();
        private int _attempts;

        public int Attempts => Volatile.Read(ref _attempts);

        public Task<ApplyOutcome> ApplyAsync(StatusEntry entry, TimeSpan timeToLive, CancellationToken cancellationToken = default) =>
            Interlocked.Increment(ref _attempts) <= failures
                ? Task.FromException<ApplyOutcome>(new StoreUnavailableException("down"))
                : _inner.ApplyAsync(entry, timeToLive, cancellationToken);

        public Task<StatusLookup> GetAsync(string issuer, string code, CancellationToken cancellationToken = default) => _inner.GetAsync(issuer, code, cancellationToken);

        public Task PingAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
