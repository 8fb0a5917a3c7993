using HealthCode.Translator.Canonical;

namespace HealthCode.Translator.Normalization.Engine;

/// <summary>A rule's "to": the native value itself, parsed as a time (possibly split over two fields), an integer, a boolean or text.</summary>
internal static class VerbatimValues
{
    /// <summary>Where the value came from, for the second field of a split time and for error keys.</summary>
    public readonly record struct Source(PayloadPaths Paths, NativePayload Payload, string Pointer);

    public static void Assign(CompiledRule rule, CanonicalField to, NativeNode node, string text, Source source, RecordBuilder builder)
    {
        if (rule.Time is not null)
        {
            var time = rule.TimeOfDayPath is null ? ReadTime(rule, node, text, source.Pointer, builder) : ReadSplitTime(rule, node, source, builder);
            if (time is { } value)
            {
                builder.Assign(to, new CanonicalValue(Time: value), source.Pointer);
            }

            return;
        }

        switch (CanonicalFields.KindOf(to))
        {
            case CanonicalKind.Integer:
                node.TryGetInteger(out var number);
                builder.Assign(to, new CanonicalValue(Integer: number), source.Pointer);
                return;
            case CanonicalKind.Boolean:
                node.TryGetBoolean(out var flag);
                builder.Assign(to, new CanonicalValue(Boolean: flag), source.Pointer);
                return;
            default:
                builder.Assign(to, new CanonicalValue(Text: text), source.Pointer);
                return;
        }
    }

    private static DateTimeOffset? ReadTime(CompiledRule rule, NativeNode node, string text, string pointer, RecordBuilder builder)
    {
        if (rule.Time!.TryRead(node, out var time))
        {
            return time;
        }

        builder.Error(pointer, $"{Echo.Quote(text)} is not a valid time in format {rule.Time.Describe}");
        return null;
    }

    private static DateTimeOffset? ReadSplitTime(CompiledRule rule, NativeNode date, Source source, RecordBuilder builder)
    {
        source.Paths.TryResolve(rule.TimeOfDayPath!, out var path);
        var clockPointer = NativePayload.Pointer(path ?? rule.TimeOfDayPath!);
        if (RuleInterpreter.Lookup(source.Payload, path, rule.Transform, out var clock) != Presence.Found)
        {
            builder.Error(clockPointer, $"is required with {source.Pointer}: together they are the time");
            return null;
        }

        if (!NodeTypes.Matches(NativeType.String, clock, builder, clockPointer))
        {
            return null;
        }

        if (rule.Time!.TryRead(date, clock, out var time, out var dateFailed))
        {
            return time;
        }

        builder.Error(dateFailed ? source.Pointer : clockPointer,
            $"{Echo.Quote(dateFailed ? date.Text : clock.Text)} is not a valid {(dateFailed ? "date" : "time of day")} in format {rule.Time.Describe}");
        return null;
    }
}
