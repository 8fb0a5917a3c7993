using System.Diagnostics;
using HealthCode.Translator.Canonical;
using HealthCode.Verifier.Policies;
using HealthCode.Verifier.Store;
using HealthCode.Verifier.Tests.Support;
using HealthCode.Verifier.Verification;
using Microsoft.Extensions.Options;

namespace HealthCode.Verifier.Tests.Verification;

public sealed class StoreFailureTests : VerificationFixture
{
    [Test]
    public async Task Store_timeout_is_manual_store_unavailable()
    {
        var hanging = new FaultyStore(_ => new TaskCompletionSource<StatusLookup>().Task);
        var service = new VerificationService(hanging, Ledgers.InMemory(Clock), Regions, Policies, Clock, Options.Create(new VerificationOptions { StoreDeadline = TimeSpan.FromMilliseconds(100) }));
        var watch = Stopwatch.StartNew();

        var outcome = await service.VerifyAsync(new VerifyRequest(Zhejiang, new CheckpointInfo("330100", "general", "gate-1"), null));

        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)));
        Assert.That((outcome.Response!.Decision, outcome.Response.Level), Is.EqualTo((Decision.Manual, RiskLevel.Unknown)));
        Assert.That(outcome.Response.Reasons, Is.EqualTo(new[] { ReasonCodes.StoreUnavailable }));
    }

    [Test]
    public async Task Store_exception_is_manual_store_unavailable()
    {
        var failing = new FaultyStore(_ => Task.FromException<StatusLookup>(new StoreUnavailableException("down")));
        var service = new VerificationService(failing, Ledgers.InMemory(Clock), Regions, Policies, Clock, Options.Create(new VerificationOptions()));
        var outcome = await service.VerifyAsync(new VerifyRequest(Zhejiang, new CheckpointInfo("330100", "general", null), null));
        Assert.That(outcome.Response!.Decision, Is.EqualTo(Decision.Manual));
        Assert.That(outcome.Response.Reasons, Is.EqualTo(new[] { ReasonCodes.StoreUnavailable }));
    }

    [Test]
    public async Task Paused_redis_answers_manual_store_unavailable_within_the_deadline()
    {
        // Long enough to wait out the pause: UNPAUSE itself queues behind it.
        using var admin = TestRedis.Connect(admin: true, syncTimeout: TimeSpan.FromSeconds(5));
        using var own = TestRedis.Connect();
        var store = new RedisStatusStore(own, new RedisStoreOptions { KeyPrefix = TestRedis.NewPrefix() }, TimeProvider.System);
        var service = new VerificationService(store, Ledgers.InMemory(Clock), Regions, Policies, Clock, Options.Create(new VerificationOptions()));
        await admin.GetDatabase().ExecuteAsync("CLIENT", "PAUSE", "1500", "ALL");
        try
        {
            var watch = Stopwatch.StartNew();
            var outcome = await service.VerifyAsync(new VerifyRequest(Zhejiang, new CheckpointInfo("330100", "general", null), null));
            Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1)));
            Assert.That(outcome.Response!.Reasons, Is.EqualTo(new[] { ReasonCodes.StoreUnavailable }));
        }
        finally
        {
            await admin.GetDatabase().ExecuteAsync("CLIENT", "UNPAUSE");
        }
    }

    private sealed class FaultyStore(Func<string, Task<StatusLookup>> get) : IStatusStore
    {
        public Task<ApplyOutcome> ApplyAsync(StatusEntry entry, TimeSpan timeToLive, CancellationToken cancellationToken = default) =>
            throw new StoreUnavailableException("down");
        public Task<StatusLookup> GetAsync(string issuer, string code, CancellationToken cancellationToken = default) => get(code);
        public Task PingAsync(CancellationToken cancellationToken = default) => throw new StoreUnavailableException("down");
    }
}
