using HealthCode.Translator.Canonical;
using HealthCode.Translator.Profiles;

namespace HealthCode.Translator.Normalization.Engine;

/// <summary>Checks and compiles one field rule; problems are reported under the rule's own path ("fields[3].to").</summary>
internal static class RuleCompiler
{
    public static (CompiledRule? Rule, CompiledPick? Pick) Compile(FieldRule rule, string at, RuleContext context, ProfileErrors errors)
    {
        var before = errors.All.Count;
        NativeType? parsedType = rule.Type switch
        {
            "string" => NativeType.String,
            "integer" => NativeType.Integer,
            "boolean" => NativeType.Boolean,
            "object" => NativeType.Object,
            "array" => NativeType.Array,
            _ => null,
        };
        if (parsedType is not { } type)
        {
            errors.Add($"{at}.type", $"'{rule.Type}' is not string, integer, boolean, object or array");
            return (null, null);
        }

        var to = Target(rule, at, errors);
        Structure(rule, at, type, errors);
        if (to is { } target)
        {
            Kinds(rule, at, type, target, errors);
        }

        var time = RuleTimes.Compile(rule, at, type, to, context.Zone, errors);
        if (rule.Fallback is not null && (rule.Fallback != "event-time" || time is null))
        {
            errors.Add($"{at}.fallback", "only \"event-time\" on a time field is supported");
        }

        var pattern = rule.Pattern is null ? null : SafeRegex.Compile(rule.Pattern, $"{at}.pattern", errors);
        var map = RuleMaps.Compile(rule, at, errors);
        var transform = TextTransforms.Parse(rule.Transform, $"{at}.transform", errors);
        var path = context.PathOf(rule.Path);
        var pick = type == NativeType.Array && rule.Pick is not null ? RuleTimes.CompilePick(rule.Pick, path, at, context.Zone, errors) : null;
        if (errors.All.Count > before)
        {
            return (null, null);
        }

        var condition = rule.PresentWhen is null ? null : context.PathOf(rule.PresentWhen.Path);
        var conditionRule = condition is null ? null : context.Siblings.FirstOrDefault(s => context.PathOf(s.Path) == condition);
        var compiled = new CompiledRule
        {
            Source = rule,
            At = at,
            Path = path,
            Pointer = "/" + path,
            Alternatives = (rule.Alternatives ?? []).Select(context.PathOf).ToArray(),
            Type = type,
            Required = rule.Required,
            PresentWhenPath = condition,
            PresentWhenValues = rule.PresentWhen is null ? null : new HashSet<string>(rule.PresentWhen.In, StringComparer.Ordinal),
            // Reported, if wrong, where that field's own rule is compiled.
            PresentWhenTransform = TextTransforms.Parse(conditionRule?.Transform, string.Empty, new ProfileErrors()),
            Transform = transform,
            Pattern = pattern,
            To = to,
            Time = time,
            TimeOfDayPath = rule.TimeOfDay is null ? null : context.PathOf(rule.TimeOfDay.Path),
            FallbackToEventTime = rule.Fallback == "event-time",
            Map = map,
            AllowedValues = map is null ? null : string.Join(", ", map.Keys),
        };
        return (compiled, pick);
    }

    private static CanonicalField? Target(FieldRule rule, string at, ProfileErrors errors)
    {
        if (rule.To is null)
        {
            return null;
        }

        if (!CanonicalFields.TryParse(rule.To, out var target))
        {
            errors.Add($"{at}.to", $"'{rule.To}' is not a canonical field (known: {string.Join(", ", CanonicalFields.Names)})");
            return null;
        }

        if (target == CanonicalField.CodeLevel)
        {
            errors.Add($"{at}.to", "code.level is assigned through map, never verbatim");
            return null;
        }

        return target;
    }

    /// <summary>Objects and arrays only group other fields; only arrays pick; only values are transformed.</summary>
    private static void Structure(FieldRule rule, string at, NativeType type, ProfileErrors errors)
    {
        var valueKeys = rule.To is not null || rule.Map is not null || rule.Time is not null || rule.Pattern is not null || rule.Transform is not null || rule.TimeOfDay is not null;
        if (type == NativeType.Object && (valueKeys || rule.Pick is not null))
        {
            errors.Add($"{at}.type", "an object field only groups other fields; it cannot have to, map, time, pattern, transform or pick");
        }

        if (type == NativeType.Array)
        {
            if (valueKeys || rule.Alternatives is not null)
            {
                errors.Add($"{at}.type", "an array field only picks the entry its child fields read; it cannot have to, map, time, pattern, transform or alternatives");
            }

            if (rule.Pick is null)
            {
                errors.Add($"{at}.pick", "an array field must say which entry to read: first, last, latest or earliest");
            }
        }
        else if (rule.Pick is not null)
        {
            errors.Add($"{at}.pick", "only a field of type array picks an entry");
        }
    }

    private static void Kinds(FieldRule rule, string at, NativeType type, CanonicalField to, ProfileErrors errors)
    {
        var kind = CanonicalFields.KindOf(to);
        if (kind == CanonicalKind.Integer && type != NativeType.Integer)
        {
            errors.Add($"{at}.type", $"{rule.To} is an integer: the native type must be integer");
        }
        else if (kind == CanonicalKind.Boolean && type != NativeType.Boolean)
        {
            errors.Add($"{at}.to", $"{rule.To} is a boolean: only a boolean native field goes to it verbatim (else assign it through map)");
        }
        else if (kind is CanonicalKind.DocumentType or CanonicalKind.NatResult)
        {
            errors.Add($"{at}.to", $"{rule.To} takes only canonical values: assign it through map");
        }
        else if (type == NativeType.Boolean && kind != CanonicalKind.Boolean)
        {
            errors.Add($"{at}.to", $"a boolean field goes verbatim only to a boolean canonical field, not {rule.To}: use map");
        }
    }
}
