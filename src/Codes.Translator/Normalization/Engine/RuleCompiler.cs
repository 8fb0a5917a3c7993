using HealthCode.Translator.Canonical;
using HealthCode.Translator.Normalization.Time;
using HealthCode.Translator.Profiles;

namespace HealthCode.Translator.Normalization.Engine;

/// <summary>Checks and compiles one field rule; problems are reported under the rule's own path ("fields[3].to").</summary>
internal static class RuleCompiler
{
    public static CompiledRule? Compile(FieldRule rule, string at, TimeZoneInfo zone, ProfileErrors errors)
    {
        var before = errors.All.Count;
        NativeType? parsedType = rule.Type switch
        {
            "string" => NativeType.String,
            "integer" => NativeType.Integer,
            "object" => NativeType.Object,
            _ => null,
        };
        if (parsedType is not { } type)
        {
            errors.Add($"{at}.type", $"'{rule.Type}' is not string, integer or object");
            return null;
        }

        var to = Target(rule, at, errors);
        if (type == NativeType.Object && (rule.To is not null || rule.Map is not null || rule.Time is not null))
        {
            errors.Add($"{at}.type", "an object field only groups other fields; it cannot have to, map or time");
        }

        var time = Time(rule, at, type, to, zone, errors);
        if (to is { } intTarget && CanonicalFields.KindOf(intTarget) == CanonicalKind.Integer && type != NativeType.Integer)
        {
            errors.Add($"{at}.type", $"{rule.To} is an integer: the native type must be integer");
        }

        if (to is { } other && CanonicalFields.KindOf(other) is CanonicalKind.Boolean or CanonicalKind.DocumentType or CanonicalKind.NatResult)
        {
            errors.Add($"{at}.to", $"{rule.To} takes only canonical values: assign it through map");
        }

        if (rule.Fallback is not null && (rule.Fallback != "event-time" || time is null))
        {
            errors.Add($"{at}.fallback", "only \"event-time\" on a time field is supported");
        }

        var pattern = rule.Pattern is null ? null : SafeRegex.Compile(rule.Pattern, $"{at}.pattern", errors);
        var map = Map(rule, at, errors);
        if (errors.All.Count > before)
        {
            return null;
        }

        var path = NormalizePath(rule.Path);
        return new CompiledRule
        {
            Source = rule,
            At = at,
            Path = path,
            Pointer = "/" + path,
            Alternatives = (rule.Alternatives ?? []).Select(NormalizePath).ToArray(),
            Type = type,
            Required = rule.Required,
            PresentWhenPath = rule.PresentWhen is null ? null : NormalizePath(rule.PresentWhen.Path),
            PresentWhenValues = rule.PresentWhen is null ? null : new HashSet<string>(rule.PresentWhen.In, StringComparer.Ordinal),
            Pattern = pattern,
            To = to,
            Time = time,
            FallbackToEventTime = rule.Fallback == "event-time",
            Map = map,
            AllowedValues = map is null ? null : string.Join(", ", map.Keys),
        };
    }

    internal static string NormalizePath(string path) => path.TrimStart('/');

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

    private static TimeReader? Time(FieldRule rule, string at, NativeType type, CanonicalField? to, TimeZoneInfo zone, ProfileErrors errors)
    {
        if (rule.Time is null)
        {
            if (to is { } t && CanonicalFields.KindOf(t) == CanonicalKind.Time)
            {
                errors.Add($"{at}.time", $"{rule.To} is a time: a time format is required");
            }

            return null;
        }

        if (!TimeReader.IsValidFormat(rule.Time))
        {
            errors.Add($"{at}.time", $"'{rule.Time}' is not a known time format or a valid .NET date format");
            return null;
        }

        if (to is null || CanonicalFields.KindOf(to.Value) != CanonicalKind.Time)
        {
            errors.Add($"{at}.to", "a field with a time format must go to a canonical time field");
            return null;
        }

        var time = new TimeReader(rule.Time, zone);
        if (time.NeedsInteger != (type == NativeType.Integer))
        {
            errors.Add($"{at}.type", $"time format '{rule.Time}' needs type {(time.NeedsInteger ? "integer" : "string")}");
        }

        return time;
    }

    private static Dictionary<string, Assignment[]>? Map(FieldRule rule, string at, ProfileErrors errors)
    {
        if (rule.Map is null)
        {
            return null;
        }

        var map = new Dictionary<string, Assignment[]>(StringComparer.Ordinal);
        foreach (var (native, assignments) in rule.Map)
        {
            var list = new List<Assignment>();
            foreach (var (name, value) in assignments)
            {
                var field = $"{at}.map.{native}.{name}";
                if (!CanonicalFields.TryParse(name, out var target))
                {
                    errors.Add(field, $"'{name}' is not a canonical field (known: {string.Join(", ", CanonicalFields.Names)})");
                }
                else if (CanonicalValues.Convert(target, value, field, errors) is { } converted)
                {
                    list.Add(new Assignment(target, converted));
                }
            }

            map[native] = list.ToArray();
        }

        return map;
    }
}
