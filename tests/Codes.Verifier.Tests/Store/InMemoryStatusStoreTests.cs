using HealthCode.Verifier.Store;
using HealthCode.Verifier.Tests.Support;

namespace HealthCode.Verifier.Tests.Store;

public sealed class InMemoryStatusStoreTests : StatusStoreContract
{
    private ManualClock _clock = null!;

    protected override IStatusStore CreateStore()
    {
        _clock = new ManualClock(Entries.T0);
        return new InMemoryStatusStore(_clock);
    }

    [Test]
    public async Task Entry_expires_when_its_ttl_runs_out()
    {
        await Store.ApplyAsync(Entries.Green("330000", "ZJ1", 5), TimeSpan.FromMinutes(10));
        _clock.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        Assert.That((await Store.GetAsync("330000", "ZJ1")).Entry, Is.Not.Null);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.That((await Store.GetAsync("330000", "ZJ1")).Entry, Is.Null);
    }

    [Test]
    public async Task Expired_other_codes_are_not_returned()
    {
        await Store.ApplyAsync(Entries.Green("330000", "ZJ1", 1, holder: "h1"), TimeSpan.FromHours(2));
        await Store.ApplyAsync(Entries.Green("110000", "BJ1", 1, holder: "h1"), TimeSpan.FromHours(1));
        _clock.Advance(TimeSpan.FromHours(1));
        Assert.That((await Store.GetAsync("330000", "ZJ1")).OtherCodesOfHolder, Is.Empty);
    }

    [Test]
    public async Task After_expiry_any_sequence_applies_again()
    {
        await Store.ApplyAsync(Entries.Green("330000", "ZJ1", 5), TimeSpan.FromMinutes(1));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.That(await Store.ApplyAsync(Entries.Green("330000", "ZJ1", 2), TimeSpan.FromMinutes(1)), Is.EqualTo(ApplyOutcome.Applied));
    }

    [Test]
    public async Task Expired_entries_are_swept_even_if_never_read_again()
    {
        var store = (InMemoryStatusStore)Store;
        for (var i = 0; i < 10; i++) await store.ApplyAsync(Entries.Green("330000", $"old{i}", 1), TimeSpan.FromMinutes(1));
        _clock.Advance(TimeSpan.FromMinutes(2));
        for (var i = 0; i < 1024; i++) await store.ApplyAsync(Entries.Green("330000", $"new{i}", 1, holder: null), TimeSpan.FromMinutes(1));
        Assert.That(store.Count, Is.EqualTo(1024));
        Assert.That(store.StoredCount, Is.LessThanOrEqualTo(1024));
    }
}
