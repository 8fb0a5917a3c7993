using HealthCode.Cli.Conformance;
using HealthCode.Cli.Engine;
using HealthCode.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace HealthCode.Cli.Commands;

/// <summary>
/// hc policy diff: every checkpoint of every vector decided twice, under the active policies and with the draft in
/// place, and each decision that changes listed. A what-if, not a test: the vectors' expected decisions are ignored.
/// </summary>
public sealed class PolicyDiffCommand(CliOutput output) : Command<PolicyDiffSettings>
{
    public override int Execute(CommandContext context, PolicyDiffSettings settings, CancellationToken cancellationToken)
    {
        var set = VectorLoader.Load(settings.Paths);
        if (set.Errors.Count > 0)
        {
            foreach (var error in set.Errors) output.Error(error);
            return 2;
        }

        var active = settings.Open();
        var draft = active.WithDraftPolicy(settings.Draft!);
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("vector").AddColumn("checkpoint").AddColumn("active").AddColumn("draft");
        var compared = 0;
        var changed = 0;
        foreach (var vector in set.Vectors.Where(v => !v.ExpectsRejection && v.Checkpoints.Count > 0))
        {
            var checkpoints = vector.Checkpoints.Select(c => c.Checkpoint).ToArray();
            var before = active.Decide(vector.Payload, vector.AlsoHeld, checkpoints, vector.At);
            var after = draft.Decide(vector.Payload, vector.AlsoHeld, checkpoints, vector.At);
            foreach (var (old, now) in before.Zip(after))
            {
                compared++;
                if (Verdict(old) == Verdict(now)) continue;
                changed++;
                table.AddRow(
                    Markup.Escape(vector.Name),
                    Markup.Escape($"{old.Checkpoint.Region}/{old.Checkpoint.Scene}"),
                    Markup.Escape(Describe(old)),
                    $"[yellow]{Markup.Escape(Describe(now))}[/]");
            }
        }

        if (changed > 0) output.Console.Write(table);
        output.Console.MarkupLine($"policy diff: {changed} of {compared} checkpoint decisions change with {Markup.Escape(settings.Draft!)}");
        return 0;
    }

    // A new policy version alone changes no decision: only the decision and its reasons count.
    private static string Verdict(CheckpointDecision decision) =>
        decision.Decision is null
            ? $"no decision ({decision.Problem})"
            : $"{decision.Decision} [{string.Join(", ", decision.Reasons.Order(StringComparer.Ordinal))}]";

    private static string Describe(CheckpointDecision decision) =>
        decision.Policy is null ? Verdict(decision) : $"{Verdict(decision)} {decision.Policy}";
}
