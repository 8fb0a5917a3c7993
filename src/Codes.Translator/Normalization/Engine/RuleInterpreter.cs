using HealthCode.Translator.Canonical;

namespace HealthCode.Translator.Normalization.Engine;

/// <summary>Runs one compiled rule over a flattened payload: presence, type, pattern, map, then the canonical value.</summary>
internal static class RuleInterpreter
{
    public static void Apply(CompiledRule rule, NativePayload payload, RecordBuilder builder, NormalizationContext context)
    {
        var found = payload.TryGet(rule.Path, out var node) && !node.IsEmpty;
        var presentButEmpty = !found && payload.TryGet(rule.Path, out _);
        var pointer = rule.Pointer;
        if (!found)
        {
            foreach (var alternative in rule.Alternatives)
            {
                if (payload.TryGet(alternative, out node) && !node.IsEmpty)
                {
                    found = true;
                    pointer = NativePayload.Pointer(alternative);
                    break;
                }
            }
        }

        if (!PresenceAllowed(rule, payload, builder, pointer, found, presentButEmpty))
        {
            return;
        }

        if (!found)
        {
            Absent(rule, builder, context, pointer, presentButEmpty);
            return;
        }

        if (!TypeMatches(rule, node, builder, pointer))
        {
            return;
        }

        var text = node.KeyText(rule.Type);
        if (rule.Pattern is not null)
        {
            switch (SafeRegex.Match(rule.Pattern, text))
            {
                case RegexOutcome.NoMatch:
                    builder.Error(pointer, $"{Echo.Quote(text)} does not match {rule.Pattern}");
                    return;
                case RegexOutcome.TimedOut:
                    builder.Error(pointer, $"matching {rule.Pattern} took too long: the value is refused");
                    return;
            }
        }

        if (rule.Map is not null)
        {
            if (!rule.Map.TryGetValue(text, out var assignments))
            {
                builder.Error(pointer, $"{Echo.Quote(text)} is not an allowed value; allowed: {rule.AllowedValues}");
                return;
            }

            foreach (var assignment in assignments)
            {
                builder.Assign(assignment.Field, assignment.Value, pointer);
            }
        }

        if (rule.To is { } to)
        {
            AssignVerbatim(rule, to, node, text, builder, pointer);
        }
    }

    /// <summary>A presentWhen rule: required when its condition holds, forbidden otherwise (Beijing tcbh with zt 弹窗).</summary>
    private static bool PresenceAllowed(CompiledRule rule, NativePayload payload, RecordBuilder builder, string pointer, bool found, bool presentButEmpty)
    {
        if (rule.PresentWhenPath is null)
        {
            return true;
        }

        var conditionMet = payload.TryGet(rule.PresentWhenPath, out var condition) && rule.PresentWhenValues!.Contains(condition.Text);
        if (conditionMet && !found)
        {
            builder.Error(pointer, $"is required when /{rule.PresentWhenPath} is {string.Join(" or ", rule.PresentWhenValues!)}");
            return false;
        }

        if (!conditionMet && (found || presentButEmpty))
        {
            builder.Error(pointer, $"is not allowed unless /{rule.PresentWhenPath} is {string.Join(" or ", rule.PresentWhenValues!)}");
            return false;
        }

        return true;
    }

    private static void Absent(CompiledRule rule, RecordBuilder builder, NormalizationContext context, string pointer, bool presentButEmpty)
    {
        if (rule.FallbackToEventTime)
        {
            var time = context.EventTime ?? context.Now;
            builder.Assign(rule.To!.Value, new CanonicalValue(Time: time), pointer);
            builder.Warnings.Add(new NormalizationWarning(
                WarningCodes.StatusTimeMissing,
                context.EventTime is null ? "no status time in the payload: the receipt time is used" : "no status time in the payload: the event time is used",
                pointer));
        }
        else if (rule.Required)
        {
            builder.Error(pointer, presentButEmpty ? "must not be empty" : "is required");
        }
    }

    private static bool TypeMatches(CompiledRule rule, NativeNode node, RecordBuilder builder, string pointer)
    {
        switch (rule.Type)
        {
            case NativeType.Object:
                if (node.Kind != NodeKind.Object)
                {
                    builder.Error(pointer, "must be an object");
                }

                return false;
            case NativeType.String when node.Kind is not (NodeKind.String or NodeKind.XmlText):
                builder.Error(pointer, $"must be a string, not {Describe(node.Kind)}");
                return false;
            case NativeType.Integer when !node.TryGetInteger(out _):
                builder.Error(pointer, node.Kind is NodeKind.String or NodeKind.XmlText ? $"must be an integer, not the string {Echo.Quote(node.Text)}" : $"must be an integer, not {Describe(node.Kind)}");
                return false;
            default:
                return true;
        }
    }

    private static void AssignVerbatim(CompiledRule rule, CanonicalField to, NativeNode node, string text, RecordBuilder builder, string pointer)
    {
        if (rule.Time is not null)
        {
            if (rule.Time.TryRead(node, out var time))
            {
                builder.Assign(to, new CanonicalValue(Time: time), pointer);
            }
            else
            {
                builder.Error(pointer, $"{Echo.Quote(text)} is not a valid time in format {rule.Time.Describe}");
            }

            return;
        }

        if (CanonicalFields.KindOf(to) == CanonicalKind.Integer)
        {
            node.TryGetInteger(out var number);
            builder.Assign(to, new CanonicalValue(Integer: number), pointer);
            return;
        }

        builder.Assign(to, new CanonicalValue(Text: text), pointer);
    }

    private static string Describe(NodeKind kind) => kind switch
    {
        NodeKind.Number => "a number",
        NodeKind.Boolean => "a boolean",
        NodeKind.Array => "an array",
        NodeKind.Object => "an object",
        _ => "a string",
    };
}
