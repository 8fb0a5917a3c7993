using HealthCode.Translator.Canonical;

namespace HealthCode.Translator.Normalization.Engine;

/// <summary>Runs one compiled rule over a flattened payload: presence, type, pattern, map, then the canonical value.</summary>
internal static class RuleInterpreter
{
    public static void Apply(CompiledRule rule, PayloadPaths paths, NativePayload payload, RecordBuilder builder, NormalizationContext context)
    {
        if (!paths.TryResolve(rule.Path, out var path))
        {
            return;
        }

        var pointer = path is null ? rule.Pointer : NativePayload.Pointer(path);
        var lookup = Lookup(payload, path, rule.Transform, out var node);
        var presentButEmpty = lookup == Presence.Empty;
        var found = lookup == Presence.Found;
        for (var i = 0; !found && i < rule.Alternatives.Length; i++)
        {
            if (paths.TryResolve(rule.Alternatives[i], out var alternative) && Lookup(payload, alternative, rule.Transform, out node) == Presence.Found)
            {
                found = true;
                pointer = NativePayload.Pointer(alternative!);
            }
        }

        if (!PresenceAllowed(rule, paths, payload, builder, pointer, found, presentButEmpty))
        {
            return;
        }

        if (!found)
        {
            Absent(rule, builder, context, pointer, presentButEmpty);
            return;
        }

        if (!NodeTypes.Matches(rule.Type, node, builder, pointer))
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
            VerbatimValues.Assign(rule, to, node, text, new VerbatimValues.Source(paths, payload, pointer), builder);
        }
    }

    /// <summary>A node after the rule's transform: absent, present but empty, or found.</summary>
    public static Presence Lookup(NativePayload payload, string? path, TextTransform transform, out NativeNode node)
    {
        if (path is null || !payload.TryGet(path, out var raw))
        {
            node = default;
            return Presence.Absent;
        }

        node = transform.Apply(raw);
        return node.IsEmpty ? Presence.Empty : Presence.Found;
    }

    /// <summary>A presentWhen rule: required when its condition holds, forbidden otherwise (Beijing tcbh with zt 弹窗).</summary>
    private static bool PresenceAllowed(CompiledRule rule, PayloadPaths paths, NativePayload payload, RecordBuilder builder, string pointer, bool found, bool presentButEmpty)
    {
        if (rule.PresentWhenPath is null)
        {
            return true;
        }

        var conditionMet = paths.TryResolve(rule.PresentWhenPath, out var conditionPath)
            && Lookup(payload, conditionPath, rule.PresentWhenTransform, out var condition) != Presence.Absent
            && rule.PresentWhenValues!.Contains(condition.Text);
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
}
