using HealthCode.Translator.Canonical;

namespace HealthCode.Translator.Normalization.Engine;

/// <summary>What runs after the rules: the code pattern, derived validity, and warnings for native fields nothing read.</summary>
internal static class RecordChecks
{
    public static void CheckCodeValue(ProfilePlan plan, RecordBuilder builder)
    {
        if (!builder.IsSet(CanonicalField.CodeValue))
        {
            return;
        }

        var code = builder.Get(CanonicalField.CodeValue).Text!;
        var source = builder.SourceOf(CanonicalField.CodeValue);
        switch (SafeRegex.Match(plan.CodeRegex, code))
        {
            case RegexOutcome.NoMatch:
                builder.Error(source, $"{Echo.Quote(code)} does not match the code pattern {plan.Definition.CodePattern} of region {plan.Definition.Id}");
                break;
            case RegexOutcome.TimedOut:
                builder.Error(source, $"matching the code pattern of region {plan.Definition.Id} took too long: the value is refused");
                break;
        }
    }

    public static void ApplyValidity(ProfilePlan plan, RecordBuilder builder)
    {
        if (!builder.IsSet(CanonicalField.CodeStatusAt) || (plan.EndOfDayZone is null && plan.ValidFor is null))
        {
            return;
        }

        var statusAt = builder.Get(CanonicalField.CodeStatusAt).Time;
        DateTimeOffset? until = null;
        if (plan.EndOfDayZone is { } zone)
        {
            var local = TimeZoneInfo.ConvertTime(statusAt, zone);
            var end = local.Date.AddDays(1).AddSeconds(-1);
            until = new DateTimeOffset(end, zone.GetUtcOffset(end));
        }

        if (plan.ValidFor is { } span)
        {
            var after = statusAt + span;
            until = until is null || after < until ? after : until;
        }

        builder.Assign(CanonicalField.CodeValidUntil, new CanonicalValue(Time: until!.Value), builder.SourceOf(CanonicalField.CodeStatusAt));
    }

    public static void WarnUnmapped(ProfilePlan plan, NativePayload payload, RecordBuilder builder)
    {
        foreach (var (leaf, rulePath) in payload.Leaves)
        {
            if (plan.ConsumedPaths.Contains(rulePath) || EnvelopeCheck.IsEnvelopeLeaf(plan, leaf))
            {
                continue;
            }

            var pointer = NativePayload.Pointer(leaf);
            var message = plan.Informational.TryGetValue(rulePath, out var reason)
                ? $"{pointer} is informational and not carried into the canonical record: {reason}"
                : $"{pointer} is not described by the {plan.Definition.Id} profile and was ignored";
            builder.Warnings.Add(new NormalizationWarning(WarningCodes.FieldNotMapped, message, pointer));
        }
    }
}
