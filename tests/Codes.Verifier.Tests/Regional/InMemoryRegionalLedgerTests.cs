using HealthCode.Verifier.Regional;
using HealthCode.Verifier.Tests.Support;

namespace HealthCode.Verifier.Tests.Regional;

public sealed class InMemoryRegionalLedgerTests : RegionalLedgerContract
{
    protected override IRegionalLedger CreateLedger(ManualClock clock, RegionalOptions options) => Ledgers.InMemory(clock, options);

    [Test]
    public async Task An_outcome_is_gone_after_the_retention()
    {
        await Ledger.RecordAsync(Zhejiang, Decided(EventState.Applied, "m-1", 1, T0));
        Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1));
        Assert.That(await Ledger.GetOutcomeAsync(Zhejiang, "m-1"), Is.Not.Null);
        Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.That(await Ledger.GetOutcomeAsync(Zhejiang, "m-1"), Is.Null);
    }

    [Test]
    public async Task The_feed_keeps_the_newest_entries_up_to_its_length()
    {
        for (var i = 0; i < 150; i++) await Ledger.RecordAsync(Zhejiang, Rejected($"r-{i}", T0.AddMilliseconds(i)));
        var page = await Ledger.ReadRejectionsAsync(Zhejiang, RejectionCursor.Start, 500);
        Assert.That(page.Items.Count, Is.InRange(100, 110));
        Assert.That(page.Items[^1].MessageId, Is.EqualTo("r-149"));
    }
}
