using HealthCode.Verifier.Ingestion;
using HealthCode.Verifier.Store;
using HealthCode.Verifier.Transport;
using HealthCode.Verifier.Transport.InProcess;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using static HealthCode.Api.Tests.DryRun.DryRunRequests;

namespace HealthCode.Api.Tests.DryRun;

/// <summary>Nothing a dry run does reaches the status store or the bus.</summary>
public sealed class DryRunIsolationTests
{
    private sealed class CountingPublisher(IStatusEventPublisher inner) : IStatusEventPublisher
    {
        public int Published;

        public Task PublishAsync(InboundStatusEvent statusEvent, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref Published);
            return inner.PublishAsync(statusEvent, cancellationToken);
        }
    }

    private ApiFactory _factory = null!;
    private CountingPublisher _publisher = null!;

    [OneTimeSetUp]
    public void Start() => _factory = new ApiFactory
    {
        ExtraServices = services =>
        {
            services.RemoveAll<IStatusEventPublisher>();
            services.AddSingleton<IStatusEventPublisher>(sp => _publisher = new CountingPublisher(sp.GetRequiredService<InProcessStatusEventQueue>()));
        },
    };

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    [Test]
    public async Task A_dry_run_of_a_red_status_for_a_seeded_code_leaves_the_store_and_the_bus_untouched()
    {
        var client = _factory.ClientWithKey();
        var store = _factory.Services.GetRequiredService<IStatusStore>();
        var before = await Poll.Until(() => store.GetAsync("110000", Fixtures.BeijingGreenCode), l => l.Entry is not null);
        Assert.That(before.Entry, Is.Not.Null, "the embedded mode seeds the Beijing green sample");
        _ = _factory.Services.GetRequiredService<IStatusEventPublisher>();

        var red = Body("110000/green.json").Replace("未见异常", "集中观察", StringComparison.Ordinal);
        var sample = Sample("110000/green.json", red).WithCheckpoint("110105", "general", BeijingGreenStatusAt.AddHours(1));
        var answer = await RunAsync(client, ForRegion("110000", sample));
        Assert.That(OnlySample(answer).GetProperty("verify").GetProperty("decision").GetString(), Is.EqualTo("deny"));

        var after = await store.GetAsync("110000", Fixtures.BeijingGreenCode);
        Assert.That(after.Entry, Is.EqualTo(before.Entry));
        Assert.That(_publisher.Published, Is.Zero);
        var verify = await (await client.PostAsync("/v1/verify", Requests.Verify(Fixtures.BeijingGreenCode))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(verify.GetProperty("decision").GetString(), Is.EqualTo("accept"));
    }
}
