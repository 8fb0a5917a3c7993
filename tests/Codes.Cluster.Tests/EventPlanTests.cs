namespace HealthCode.Cluster.Tests;

/// <summary>The plan the failover test publishes keeps its promises (no servers needed).</summary>
public sealed class EventPlanTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    [TestCase(1), TestCase(2), TestCase(3), TestCase(12345)]
    public void Plan_ends_on_every_verdict_and_replays_each_older_version_after_a_newer_one(int seed)
    {
        var plan = EventPlan.Create(seed, Now);
        var verdicts = plan.Codes.Select(c => plan.Expected(c, plan.Highest)).ToList();
        var revokedSiblingAccepted = plan.Codes.Any(c => plan.Expected(c, plan.Highest).Decision == "accept"
            && plan.Siblings(c).Any(s => plan.Highest(s).Revoke && plan.Version(s, plan.Highest(s).Sequence - 1) is { Color: 2, Revoke: false }));

        Assert.Multiple(() =>
        {
            Assert.That(plan.Events, Has.Count.InRange(350, 450), "about 400 events");
            Assert.That(plan.Holders, Is.LessThan(plan.Codes.Count), "some holders hold several codes");
            Assert.That(verdicts.Select(v => v.Decision).Distinct(), Is.EquivalentTo(new[] { "accept", "deny", "manual" }));
            Assert.That(verdicts.Count(v => v.OtherCodeRestricts), Is.GreaterThan(0), "a green code denied for its holder's other code");
            Assert.That(revokedSiblingAccepted, Is.True, "a code accepted because its holder's red code was revoked");
            Assert.That(plan.Events.Count(e => e.Role == EventRole.Duplicate), Is.GreaterThan(0));
            Assert.That(plan.Events.Count(e => e.Version.Revoke), Is.GreaterThan(0));
            Assert.That(plan.Events.Where(e => e.Role == EventRole.Replay).Where(replay => !plan.Events.Any(e =>
                e.Index < replay.Index && e.Version.Code == replay.Version.Code && e.Version.Sequence > replay.Version.Sequence)), Is.Empty,
                "every replay comes after a newer version of its code");
            Assert.That(plan.Events.Select(e => e.Index), Is.EqualTo(Enumerable.Range(0, plan.Events.Count)));
            Assert.That(plan.Codes.Where(c => !plan.Highest(c).Green && plan.Expected(c, plan.Highest).Decision != "accept"
                && !Enumerable.Range(1, (int)plan.Highest(c).Sequence - 1).Any(s => plan.Version(c, s)!.Green)), Is.Empty,
                "a code that ends without accept had a green version a late replay could bring back");
        });
    }

    [Test]
    public void Same_seed_gives_the_same_plan()
    {
        var first = EventPlan.Create(42, Now);
        var second = EventPlan.Create(42, Now);
        Assert.That(second.Events, Is.EqualTo(first.Events));
    }
}
