using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using HealthCode.Translator.Canonical;
using HealthCode.Translator.Profiles;

namespace HealthCode.Translator.Normalization.Engine;

/// <summary>
/// Semantic checks the JSON schema cannot express (regexes compile, zones exist, map targets are canonical fields with valid
/// values, required canonical fields are covered) and compilation into a <see cref="CompiledProfile"/>.
/// </summary>
internal static class ProfileCompiler
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(100);

    private static readonly CanonicalField[] RequiredCanonical =
    [
        CanonicalField.CodeValue, CanonicalField.CodeLevel, CanonicalField.CodeNativeLevel, CanonicalField.CodeStatusAt,
        CanonicalField.PersonName, CanonicalField.DocumentType, CanonicalField.DocumentNumber,
    ];

    public static CompiledProfile Compile(RegionProfile profile, string file)
    {
        ProfileLoadException Fail(string field, string problem) => new(file, field, problem);

        if (profile.Format is not ("json" or "xml"))
        {
            throw Fail("format", $"'{profile.Format}' is not json or xml");
        }

        if (profile.Format == "xml" && string.IsNullOrEmpty(profile.XmlRoot))
        {
            throw Fail("xmlRoot", "an xml profile must name its root element");
        }

        var codeRegex = CompileRegex(profile.CodePattern, () => Fail("codePattern", $"'{profile.CodePattern}' is not a valid regular expression"));
        var zone = FindZone(profile.TimeZone) ?? throw Fail("timeZone", $"'{profile.TimeZone}' is not a known time zone");
        try
        {
            _ = XmlConvert.ToTimeSpan(profile.MaxStatusAge);
        }
        catch (FormatException)
        {
            throw Fail("maxStatusAge", $"'{profile.MaxStatusAge}' is not an ISO 8601 duration");
        }

        foreach (var level in new[] { "green", "yellow", "red", "unknown" })
        {
            if (!profile.Labels.TryGetValue(level, out var label) || string.IsNullOrWhiteSpace(label))
            {
                throw Fail($"labels.{level}", "a display label is required for every canonical level");
            }
        }

        var covered = new bool[CanonicalFields.Names.Length];
        var sources = new string?[CanonicalFields.Names.Length];
        var rules = new CompiledRule[profile.Fields.Count];
        var consumed = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < profile.Fields.Count; i++)
        {
            rules[i] = CompileRule(profile.Fields[i], $"fields[{i}]", zone, Fail);
            var rule = rules[i];
            consumed.Add(rule.Path);
            foreach (var alternative in rule.Alternatives)
            {
                consumed.Add(alternative);
            }

            if (rule.To is { } to)
            {
                covered[(int)to] = true;
                sources[(int)to] ??= rule.Pointer;
            }

            foreach (var assignment in rule.Map?.Values.SelectMany(a => a) ?? [])
            {
                covered[(int)assignment.Field] = true;
                sources[(int)assignment.Field] ??= rule.Pointer;
            }
        }

        foreach (var rule in rules.Where(r => r.PresentWhenPath is not null))
        {
            if (!rules.Any(r => r.Path == rule.PresentWhenPath))
            {
                var index = Array.IndexOf(rules, rule);
                throw Fail($"fields[{index}].presentWhen.path", $"'{rule.PresentWhenPath}' is not a field of this profile");
            }
        }

        var constants = new List<Assignment>();
        foreach (var (name, value) in profile.Constants ?? new Dictionary<string, string>())
        {
            var field = $"constants.{name}";
            if (!CanonicalFields.TryParse(name, out var target))
            {
                throw Fail(field, $"'{name}' is not a canonical field");
            }

            using var doc = JsonDocument.Parse(JsonSerializer.Serialize(value));
            constants.Add(new Assignment(target, ConvertValue(target, doc.RootElement, field, Fail)));
            covered[(int)target] = true;
        }

        var missing = RequiredCanonical.Where(f => !covered[(int)f]).Select(CanonicalFields.NameOf).ToList();
        if (missing.Count > 0)
        {
            throw Fail("fields", $"no rule or constant provides {string.Join(", ", missing)}");
        }

        if (rules.Count(r => r.To == CanonicalField.CodeNativeLevel) != 1)
        {
            throw Fail("fields", "exactly one field must have \"to\": \"code.nativeLevel\" (the region's level field)");
        }

        var codeRule = rules.FirstOrDefault(r => r.To == CanonicalField.CodeValue)
            ?? throw Fail("fields", "no field has \"to\": \"code.value\"");

        TimeZoneInfo? endOfDay = null;
        TimeSpan? validFor = null;
        if (profile.Validity is { } validity)
        {
            if (validity.EndOfDayIn is not null)
            {
                endOfDay = FindZone(validity.EndOfDayIn) ?? throw Fail("validity.endOfDayIn", $"'{validity.EndOfDayIn}' is not a known time zone");
            }

            if (validity.After is not null)
            {
                try
                {
                    validFor = XmlConvert.ToTimeSpan(validity.After);
                }
                catch (FormatException)
                {
                    throw Fail("validity.after", $"'{validity.After}' is not an ISO 8601 duration");
                }
            }
        }

        return new CompiledProfile
        {
            Profile = profile,
            Rules = rules,
            CodeRegex = codeRegex,
            Zone = zone,
            Constants = constants.ToArray(),
            ConsumedPaths = consumed,
            Informational = new Dictionary<string, string>(profile.Informational ?? new Dictionary<string, string>(), StringComparer.Ordinal),
            EndOfDayZone = endOfDay,
            ValidFor = validFor,
            CodeRule = codeRule,
            DefaultSources = sources,
        };
    }

    private static CompiledRule CompileRule(FieldRule rule, string at, TimeZoneInfo zone, Func<string, string, ProfileLoadException> fail)
    {
        var type = rule.Type switch
        {
            "string" => NativeType.String,
            "integer" => NativeType.Integer,
            "object" => NativeType.Object,
            _ => throw fail($"{at}.type", $"'{rule.Type}' is not string, integer or object"),
        };

        var path = NormalizePath(rule.Path);
        CanonicalField? to = null;
        if (rule.To is not null)
        {
            if (!CanonicalFields.TryParse(rule.To, out var target))
            {
                throw fail($"{at}.to", $"'{rule.To}' is not a canonical field (known: {string.Join(", ", CanonicalFields.Names)})");
            }

            if (target == CanonicalField.CodeLevel)
            {
                throw fail($"{at}.to", "code.level is assigned through map, never verbatim");
            }

            to = target;
        }

        if (type == NativeType.Object && (to is not null || rule.Map is not null || rule.Time is not null))
        {
            throw fail($"{at}.type", "an object field only groups other fields; it cannot have to, map or time");
        }

        TimeReader? time = null;
        if (rule.Time is not null)
        {
            if (!TimeReader.IsValidFormat(rule.Time))
            {
                throw fail($"{at}.time", $"'{rule.Time}' is not a known time format or a valid .NET date format");
            }

            if (to is null || CanonicalFields.KindOf(to.Value) != CanonicalKind.Time)
            {
                throw fail($"{at}.to", "a field with a time format must go to a canonical time field");
            }

            time = new TimeReader(rule.Time, zone);
            if (time.NeedsInteger != (type == NativeType.Integer))
            {
                throw fail($"{at}.type", $"time format '{rule.Time}' needs type {(time.NeedsInteger ? "integer" : "string")}");
            }
        }
        else if (to is { } t && CanonicalFields.KindOf(t) == CanonicalKind.Time)
        {
            throw fail($"{at}.time", $"{rule.To} is a time: a time format is required");
        }

        if (to is { } intTarget && CanonicalFields.KindOf(intTarget) == CanonicalKind.Integer && type != NativeType.Integer)
        {
            throw fail($"{at}.type", $"{rule.To} is an integer: the native type must be integer");
        }

        if (to is { } other && CanonicalFields.KindOf(other) is CanonicalKind.Boolean or CanonicalKind.DocumentType or CanonicalKind.NatResult)
        {
            throw fail($"{at}.to", $"{rule.To} takes only canonical values: assign it through map");
        }

        if (rule.Fallback is not null && (rule.Fallback != "event-time" || time is null))
        {
            throw fail($"{at}.fallback", "only \"event-time\" on a time field is supported");
        }

        var pattern = rule.Pattern is null ? null : CompileRegex(rule.Pattern, () => fail($"{at}.pattern", $"'{rule.Pattern}' is not a valid regular expression"));

        Dictionary<string, Assignment[]>? map = null;
        if (rule.Map is not null)
        {
            map = new Dictionary<string, Assignment[]>(StringComparer.Ordinal);
            foreach (var (native, assignments) in rule.Map)
            {
                var list = new List<Assignment>();
                foreach (var (name, value) in assignments)
                {
                    var field = $"{at}.map.{native}.{name}";
                    if (!CanonicalFields.TryParse(name, out var target))
                    {
                        throw fail(field, $"'{name}' is not a canonical field (known: {string.Join(", ", CanonicalFields.Names)})");
                    }

                    list.Add(new Assignment(target, ConvertValue(target, value, field, fail)));
                }

                map[native] = list.ToArray();
            }
        }

        return new CompiledRule
        {
            Source = rule,
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

    private static CanonicalValue ConvertValue(CanonicalField target, JsonElement value, string field, Func<string, string, ProfileLoadException> fail)
    {
        var kind = CanonicalFields.KindOf(target);
        switch (kind)
        {
            case CanonicalKind.Level when value.ValueKind == JsonValueKind.String && RiskLevels.TryParse(value.GetString(), out var level):
                return new CanonicalValue(Level: level);
            case CanonicalKind.Level:
                throw fail(field, $"{value} is not a canonical level (green, yellow, red, unknown)");
            case CanonicalKind.DocumentType when value.ValueKind == JsonValueKind.String && DocumentTypes.All.Contains(value.GetString()!):
                return new CanonicalValue(Text: value.GetString());
            case CanonicalKind.DocumentType:
                throw fail(field, $"{value} is not a canonical document type ({string.Join(", ", DocumentTypes.All)})");
            case CanonicalKind.NatResult when value.ValueKind == JsonValueKind.String && NatResults.All.Contains(value.GetString()!):
                return new CanonicalValue(Text: value.GetString());
            case CanonicalKind.NatResult:
                throw fail(field, $"{value} is not a canonical NAT result ({string.Join(", ", NatResults.All)})");
            case CanonicalKind.Boolean when value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                return new CanonicalValue(Boolean: value.GetBoolean());
            case CanonicalKind.Boolean:
                throw fail(field, $"{value} is not a boolean");
            case CanonicalKind.Integer when value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n):
                return new CanonicalValue(Integer: n);
            case CanonicalKind.Integer:
                throw fail(field, $"{value} is not an integer");
            case CanonicalKind.Time:
                throw fail(field, "times cannot be mapped constants");
            default:
                if (value.ValueKind != JsonValueKind.String)
                {
                    throw fail(field, $"{value} is not a string");
                }

                return new CanonicalValue(Text: value.GetString());
        }
    }

    private static Regex CompileRegex(string pattern, Func<ProfileLoadException> fail)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled, RegexTimeout);
        }
        catch (ArgumentException)
        {
            throw fail();
        }
    }

    internal static TimeZoneInfo? FindZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }

    internal static string NormalizePath(string path) => path.TrimStart('/');
}
