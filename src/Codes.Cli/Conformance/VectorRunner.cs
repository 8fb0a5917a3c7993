using System.Diagnostics;
using HealthCode.Cli.Engine;

namespace HealthCode.Cli.Conformance;

/// <summary>Runs one vector: normalize at its clock, compare fields or errors, then ask each checkpoint.</summary>
public sealed class VectorRunner(HubLibraries hub)
{
    public VectorResult Run(ConformanceVector vector)
    {
        var started = Stopwatch.GetTimestamp();
        var failures = new List<string>();
        var outcome = hub.Normalize(vector.Payload, vector.At, fhir: false);
        IReadOnlyList<CheckpointOutcome> checkpoints = [];

        if (vector.ExpectsRejection)
        {
            if (outcome.Succeeded)
            {
                failures.Add($"expected the payload to be refused ({vector.ExpectedFailure}: {string.Join(", ", vector.ExpectedErrors!)}), but it normalized");
            }
            else
            {
                if (outcome.Failure != vector.ExpectedFailure)
                    failures.Add($"expected failure {vector.ExpectedFailure}, got {outcome.Failure} ({outcome.FailureDetail})");
                var reported = outcome.Errors.Select(e => e.Field).ToHashSet(StringComparer.Ordinal);
                if (!reported.SetEquals(vector.ExpectedErrors!))
                    failures.Add($"expected errors at [{string.Join(", ", vector.ExpectedErrors!)}], got [{string.Join(", ", Describe(outcome))}]");
            }
        }
        else if (!outcome.Succeeded)
        {
            failures.Add($"expected the payload to normalize, got {outcome.Failure}: [{string.Join(", ", Describe(outcome))}]");
        }
        else
        {
            failures.AddRange(CanonicalFieldMatcher.Mismatches(vector.Expected, outcome.Canonical!));
            if (vector.Checkpoints.Count > 0)
            {
                var decisions = hub.Decide(vector.Payload, vector.AlsoHeld, vector.Checkpoints.Select(c => c.Checkpoint).ToArray(), vector.At);
                checkpoints = vector.Checkpoints.Zip(decisions, (expected, actual) => new CheckpointOutcome(expected, actual)).ToArray();
            }
        }

        return new VectorResult(vector, failures, checkpoints, Stopwatch.GetElapsedTime(started));
    }

    private static IEnumerable<string> Describe(NormalizeOutcome outcome) =>
        outcome.Errors.Count == 0 ? [outcome.FailureDetail ?? "(no detail)"] : outcome.Errors.Select(e => $"{e.Field}: {e.Message}");
}
