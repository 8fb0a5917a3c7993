using System.Text;
using HealthCode.Verifier.Ingestion;
using HealthCode.Verifier.Store;
using HealthCode.Verifier.Tests.Support;
using HealthCode.Verifier.Transport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HealthCode.Verifier.Tests.Ingestion;

/// <summary>The one ingestion path both transports use: retries, reason codes, observers.</summary>
public sealed class IngestionPipelineTests
{
    private const string Code = "ZJ0123456789ABCDEFGH";
    private static readonly IngestionOptions Quick = new()
    {
        StoreAttempts = 3,
        StoreRetryFirstDelay = TimeSpan.Zero,
        StoreRetryMaxDelay = TimeSpan.Zero,
        FaultAttempts = 3,
        FaultRetryDelay = TimeSpan.Zero,
        ObserverTimeout = TimeSpan.FromMilliseconds(100),
    };

    private FakeNormalizer _normalizer = null!;

    [SetUp]
    public void CreateNormalizer() =>
        _normalizer = new FakeNormalizer { Record = FakeNormalizer.Zhejiang(Code, DateTimeOffset.UtcNow - TimeSpan.FromHours(1)) };

    private IngestionPipeline Pipeline(IStatusStore store, params IStatusEventObserver[] observers) =>
        new(Consumers.Create(store, _normalizer, StubRegionCatalog.Standard(), TimeProvider.System, options: Quick),
            Consumers.Recorder(Ledgers.InMemory(TimeProvider.System), StubRegionCatalog.Standard(), TimeProvider.System),
            observers, Options.Create(Quick), TimeProvider.System, NullLogger<IngestionPipeline>.Instance);

    private static InboundStatusEvent Event(string sequence = "7") =>
        new("330000", "330000", sequence, null, "application/json", Encoding.UTF8.GetBytes("{}"), "m-1", null, null, null, "test");

    [Test]
    public async Task Store_outage_outlasting_the_retries_is_handed_back_never_refused()
    {
        var store = new FlakyStore(failures: int.MaxValue);
        var outcome = await Pipeline(store).ConsumeAsync(Event(), CancellationToken.None);
        Assert.That(outcome.HandBack, Is.True);
        Assert.That(store.Attempts, Is.EqualTo(Quick.StoreAttempts));
        // What a transport without a queue settles it as: the pipeline's own reason, never the event's.
        Assert.That(outcome.Result.ReasonCode, Is.EqualTo(IngestionReasonCodes.StoreUnavailable));
    }

    [Test]
    public async Task Store_outage_shorter_than_the_retries_is_applied()
    {
        var store = new FlakyStore(failures: 2);
        var outcome = await Pipeline(store).ConsumeAsync(Event(), CancellationToken.None);
        Assert.That((outcome.HandBack, outcome.Result.Status, store.Attempts), Is.EqualTo((false, ConsumeStatus.Applied, 3)));
    }

    [Test]
    public async Task Unexpected_fault_is_retried_then_refused_as_consumer_fault_naming_only_the_exception_type()
    {
        _normalizer.Throw = new InvalidOperationException("张伟 330106198108037021");
        var outcome = await Pipeline(new InMemoryStatusStore()).ConsumeAsync(Event(), CancellationToken.None);
        Assert.That((outcome.HandBack, outcome.Result.Status, outcome.Result.ReasonCode),
            Is.EqualTo((false, ConsumeStatus.Rejected, IngestionReasonCodes.ConsumerFault)));
        Assert.That(_normalizer.Calls, Is.EqualTo(Quick.FaultAttempts));
        Assert.That(outcome.Result.Detail, Does.Contain(nameof(InvalidOperationException)).And.Not.Contain("张伟").And.Not.Contain("330106198108037021"));
    }

    [Test]
    public async Task Rejected_event_is_settled_at_once_never_retried()
    {
        var store = new FlakyStore(failures: 0);
        var pipeline = Pipeline(store);
        using var counts = new MeterCounts(null);
        var outcome = await pipeline.ConsumeAsync(Event(sequence: "0"), CancellationToken.None);
        Assert.That((outcome.HandBack, outcome.Result.ReasonCode), Is.EqualTo((false, IngestionReasonCodes.BadSequence)));
        Assert.That((counts.Rejected, _normalizer.Calls, store.Attempts), Is.EqualTo((1L, 0, 0)));
    }

    [Test]
    public void Shutdown_is_not_a_fault()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        Assert.That(async () => await Pipeline(new HangingStore()).ConsumeAsync(Event(), stopping.Token),
            Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public async Task Every_observer_is_told_even_when_one_throws_or_hangs()
    {
        var told = new Recorder();
        var pipeline = Pipeline(new InMemoryStatusStore(), new Throwing(), new Hanging(), told);
        var result = ConsumeResult.Rejected(IngestionReasonCodes.BadKind, "hc-kind");

        await pipeline.NotifyAsync(Event(), result, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.That(told.Results, Is.EqualTo(new[] { result }));
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

    private sealed class HangingStore : IStatusStore
    {
        public async Task<ApplyOutcome> ApplyAsync(StatusEntry entry, TimeSpan timeToLive, CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return ApplyOutcome.Applied;
        }

        public Task<StatusLookup> GetAsync(string issuer, string code, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task PingAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
    }

    private sealed class Throwing : IStatusEventObserver
    {
        public Task OnConsumedAsync(InboundStatusEvent statusEvent, ConsumeResult result, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("observer bug");
    }

    private sealed class Hanging : IStatusEventObserver
    {
        public Task OnConsumedAsync(InboundStatusEvent statusEvent, ConsumeResult result, CancellationToken cancellationToken = default) =>
            Task.Delay(Timeout.Infinite, cancellationToken);
    }

    private sealed class Recorder : IStatusEventObserver
    {
        public List<ConsumeResult> Results { get; } = [];

        public Task OnConsumedAsync(InboundStatusEvent statusEvent, ConsumeResult result, CancellationToken cancellationToken = default)
        {
            Results.Add(result);
            return Task.CompletedTask;
        }
    }
}
