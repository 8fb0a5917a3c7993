using HealthCode.Verifier.Policies;
using HealthCode.Verifier.Regional;
using HealthCode.Verifier.Store;
using HealthCode.Verifier.Tests.Policies;
using HealthCode.Verifier.Tests.Support;
using HealthCode.Verifier.Verification;
using Microsoft.Extensions.Options;

namespace HealthCode.Verifier.Tests.Verification;

/// <summary>Shared set-up: the shipped policies, stub regions, an in-memory store and a clock one hour after T0.</summary>
public abstract class VerificationFixture
{
    protected const string Zhejiang = "ZJ0123456789ABCDEFGH";
    protected const string Beijing = "BJ-0123456789ABCDEF0123";
    protected const string Guangdong = "YKM123456789012345";
    protected const string Macau = "MO-0123456789";
    protected const string HongKong = "HKHC-12345678-0123ABCD";
    protected const string Jiangsu = "JS3201ABCDEF123456";

    protected static readonly PolicyCatalog Policies = PolicyCatalog.LoadFromDirectory(PolicyCatalogTests.ShippedFolder);
    protected ManualClock Clock = null!;
    protected InMemoryStatusStore Store = null!;
    protected InMemoryRegionalLedger Ledger = null!;
    protected StubRegionCatalog Regions = null!;
    protected VerificationService Service = null!;
    protected DateTimeOffset Now => Clock.GetUtcNow();

    [SetUp]
    public void CreateService()
    {
        Clock = new ManualClock(Entries.T0 + TimeSpan.FromHours(1));
        Store = new InMemoryStatusStore(Clock);
        Regions = StubRegionCatalog.Standard();
        Ledger = Ledgers.InMemory(Clock);
        Service = new VerificationService(Store, Ledger, Regions, Policies, Clock, Options.Create(new VerificationOptions()));
    }

    protected static string IssuerOf(string code) => code[..2] switch
    {
        "ZJ" => "330000",
        "BJ" => "110000",
        "YK" => "440000",
        "MO" => "820000",
        "HK" => "810000",
        "JS" => "320000",
        _ => throw new ArgumentException(code),
    };

    /// <summary>A green status set an hour ago for holder "h1"; adjust with the callback.</summary>
    protected async Task Given(string code, Func<StatusEntry, StatusEntry>? adjust = null, string holder = "h1", long sequence = 1)
    {
        var entry = Entries.Green(IssuerOf(code), code, sequence, holder) with { StatusAt = Now - TimeSpan.FromHours(1) };
        await Store.ApplyAsync(adjust is null ? entry : adjust(entry), TimeSpan.FromDays(8));
    }

    protected async Task<VerifyResponse> Verify(string code, string region = "330100", string scene = "general", string? issuer = null)
    {
        var outcome = await Service.VerifyAsync(new VerifyRequest(code, new CheckpointInfo(region, scene, "gate-1"), issuer));
        Assert.That(outcome.IsRefused, Is.False, () => string.Join("; ", outcome.Problems));
        return outcome.Response!;
    }

    protected StatusEntry WithNat(StatusEntry e, string result, TimeSpan? sampledAgo, TimeSpan? reportedAgo = null) => e with
    {
        NatResult = result,
        NatSampledAt = sampledAgo is { } s ? Now - s : null,
        NatReportedAt = reportedAgo is { } r ? Now - r : null,
    };
}
