namespace HealthCode.Cluster.Tests;

/// <summary>The audit of the probes' answers can fail, and fails for the right reasons (no servers needed).</summary>
public sealed class AnswerAuditTests
{
    private static readonly EventPlan Plan = EventPlan.Create(7, new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));

    // A code with a green version followed by a newer one, both published.
    private static (CodeVersion Green, CodeVersion Newer, PublishLog Log) GreenThenNewer()
    {
        var green = Plan.Codes.Select(c => Enumerable.Range(1, (int)Plan.Highest(c).Sequence - 1).Select(s => Plan.Version(c, s)!).FirstOrDefault(v => v.Green))
            .First(v => v is not null)!;
        var newer = Plan.Version(green.Code, green.Sequence + 1)!;
        var log = new PublishLog();
        foreach (var planned in Plan.Events.Where(e => e.Version.Code == green.Code)) log.Sent(planned, TimeSpan.Zero);
        return (green, newer, log);
    }

    private static VerifyAnswer Answer(string instance, double started, string decision, CodeVersion version) =>
        new(instance, version.Code, TimeSpan.FromSeconds(started), TimeSpan.FromSeconds(started + 0.01), 200, decision, [], version.Sequence, null);

    [Test]
    public void Accept_on_a_version_older_than_one_an_earlier_answer_showed_is_wrong()
    {
        var (green, newer, log) = GreenThenNewer();
        var answers = new[] { Answer("a", 1, newer.Green ? "accept" : "deny", newer), Answer("b", 2, "accept", green) };

        Assert.That(AnswerAudit.WrongAccepts(answers, Plan, log), Has.One.Contains("after a had shown sequence"));
        Assert.That(AnswerAudit.StepsBack(answers), Has.Count.EqualTo(1));
    }

    [Test]
    public void Accept_on_a_published_green_version_is_right_while_a_newer_one_is_not_yet_shown()
    {
        var (green, newer, log) = GreenThenNewer();
        // The newer answer overlaps the accept (started before it finished): the store may have changed in between.
        var answers = new[] { Answer("a", 1, "accept", green), Answer("b", 1.005, newer.Green ? "accept" : "deny", newer), Answer("a", 2, newer.Green ? "accept" : "deny", newer) };

        Assert.That(AnswerAudit.WrongAccepts(answers, Plan, log), Is.Empty);
    }

    [Test]
    public void Accept_on_a_version_that_is_not_green_or_not_yet_published_is_wrong()
    {
        var notGreen = Plan.Codes.SelectMany(c => Enumerable.Range(1, (int)Plan.Highest(c).Sequence).Select(s => Plan.Version(c, s)!)).First(v => !v.Green);
        var unpublished = Plan.Codes.Where(c => c != notGreen.Code).Select(Plan.Highest).First(v => v.Green);
        var log = new PublishLog();
        foreach (var planned in Plan.Events.Where(e => e.Version == notGreen)) log.Sent(planned, TimeSpan.Zero);

        var wrong = AnswerAudit.WrongAccepts([Answer("a", 1, "accept", notGreen), Answer("a", 1, "accept", unpublished)], Plan, log);

        Assert.That(wrong, Has.Count.EqualTo(2));
        Assert.That(wrong, Has.One.Contains($"on {notGreen}, not a green status"));
        Assert.That(wrong, Has.One.Contains($"on {unpublished}, not yet published"));
    }
}
