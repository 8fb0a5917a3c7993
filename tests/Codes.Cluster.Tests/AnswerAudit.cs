namespace HealthCode.Cluster.Tests;

/// <summary>
/// Judges what the verify probes saw while the stream ran and the nodes failed. The store may lag behind the broker
/// (the consumer applies confirmed events a little later, and seconds later while a master fails over), so an accept
/// is not judged against the newest confirmed status but against what the service could know: it must rest on a
/// version that is green and was published, and never on a version older than one that some answer (either instance)
/// had already shown for that code before this verify began — that would be the store going back, a write lost in the
/// failover or applied out of order.
/// </summary>
public static class AnswerAudit
{
    public static List<string> WrongAccepts(IEnumerable<VerifyAnswer> answers, EventPlan plan, PublishLog log)
    {
        var wrong = new List<string>();
        foreach (var byCode in answers.Where(a => a.Status == 200).GroupBy(a => a.Code))
        {
            var seen = byCode.Where(a => a.Sequence is not null).OrderBy(a => a.Finished).ToArray();
            foreach (var answer in byCode.Where(a => a.Decision == "accept"))
            {
                var at = $"{answer.Instance} at {answer.Started.TotalSeconds:0.000} s: accept of {answer.Code}";
                if (answer.Sequence is not { } sequence || plan.Version(answer.Code, sequence) is not { } version)
                {
                    wrong.Add($"{at} on sequence {answer.Sequence?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}, which the stream never sent");
                    continue;
                }
                if (!version.Green) wrong.Add($"{at} on {version}, not a green status");
                if (log.FirstSent(version) is not { } sent || sent > answer.Finished) wrong.Add($"{at} on {version}, not yet published");
                if (HighestShownBefore(seen, answer.Started) is { } shown && shown.Sequence > sequence)
                    wrong.Add($"{at} on {version}, after {shown.Instance} had shown sequence {shown.Sequence} at {shown.Finished.TotalSeconds:0.000} s");
            }
        }
        return wrong;
    }

    /// <summary>Answers (any decision) on a sequence older than one an earlier answer had shown for the code: the store went back.</summary>
    public static List<string> StepsBack(IEnumerable<VerifyAnswer> answers) =>
        answers.Where(a => a.Status == 200 && a.Sequence is not null).GroupBy(a => a.Code).SelectMany(byCode =>
        {
            var seen = byCode.OrderBy(a => a.Finished).ToArray();
            return byCode.Where(a => HighestShownBefore(seen, a.Started) is { } shown && shown.Sequence > a.Sequence)
                .Select(a => $"{a.Instance} at {a.Started.TotalSeconds:0.000} s: {a.Code} sequence {a.Sequence} ({a.Decision}) after sequence " +
                             $"{HighestShownBefore(seen, a.Started)!.Sequence} had been shown");
        }).ToList();

    // Among answers ordered by finish, the one with the highest sequence that finished before `started`.
    private static VerifyAnswer? HighestShownBefore(VerifyAnswer[] byFinish, TimeSpan started) =>
        byFinish.TakeWhile(a => a.Finished < started).MaxBy(a => a.Sequence);
}
