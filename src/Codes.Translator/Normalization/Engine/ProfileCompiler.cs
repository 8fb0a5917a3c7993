using System.Text.Json;
using System.Xml;
using HealthCode.Translator.Canonical;
using HealthCode.Translator.Profiles;
using HealthCode.Translator.Translation;

namespace HealthCode.Translator.Normalization.Engine;

/// <summary>
/// Semantic checks the JSON schema cannot express (regexes compile, zones exist, map targets are canonical fields with valid
/// values, required canonical fields are covered) and compilation into a <see cref="RegionProfile"/>. Every problem is
/// collected; a profile with any problem is not compiled.
/// </summary>
internal static class ProfileCompiler
{
    private static readonly CanonicalField[] RequiredCanonical =
    [
        CanonicalField.CodeValue, CanonicalField.CodeLevel, CanonicalField.CodeNativeLevel, CanonicalField.CodeStatusAt,
        CanonicalField.PersonName, CanonicalField.DocumentType, CanonicalField.DocumentNumber,
    ];

    public static RegionProfile? Compile(ProfileDefinition profile, string hash, ProfileErrors errors)
    {
        if (profile.Format == PayloadFormat.Xml && string.IsNullOrEmpty(profile.XmlRoot))
        {
            errors.Add("xmlRoot", "an xml profile must name its root element");
        }

        var codeRegex = SafeRegex.Compile(profile.CodePattern, "codePattern", errors);
        var zone = FindZone(profile.TimeZone);
        if (zone is null)
        {
            errors.Add("timeZone", $"'{profile.TimeZone}' is not a known time zone");
        }

        var maxStatusAge = Duration(profile.MaxStatusAge, "maxStatusAge", errors);
        foreach (var level in new[] { "green", "yellow", "red", "unknown" })
        {
            if (!profile.Labels.TryGetValue(level, out var label) || string.IsNullOrWhiteSpace(label))
            {
                errors.Add($"labels.{level}", "a display label is required for every canonical level");
            }
        }

        var xmlNames = PayloadShape.XmlNames(profile, errors);
        var envelope = PayloadShape.Envelope(profile);
        var context = new RuleContext(zone ?? TimeZoneInfo.Utc, envelope is null ? string.Empty : envelope.DataPath + "/", profile.Fields);
        var covered = new bool[CanonicalFields.Names.Length];
        var sources = new string?[CanonicalFields.Names.Length];
        var rules = new List<CompiledRule>(profile.Fields.Count);
        var picks = new List<CompiledPick>();
        var consumed = new HashSet<string>(StringComparer.Ordinal);
        if (envelope?.OkPath is { } okPath)
        {
            consumed.Add(okPath);
        }

        for (var i = 0; i < profile.Fields.Count; i++)
        {
            var (compiled, pick) = RuleCompiler.Compile(profile.Fields[i], $"fields[{i}]", context, errors);
            if (compiled is not { } rule)
            {
                continue;
            }

            rules.Add(rule);
            consumed.UnionWith(rule.ReadPaths);
            if (pick is not null)
            {
                picks.Add(pick);
                consumed.Add(pick.Path);
                if (pick.By is not null)
                {
                    consumed.Add(pick.Path + "/" + pick.By);
                }
            }

            foreach (var field in rule.Targets)
            {
                covered[(int)field] = true;
                sources[(int)field] ??= rule.Pointer;
            }
        }

        foreach (var rule in rules.Where(r => r.PresentWhenPath is not null && !rules.Any(o => o.Path == r.PresentWhenPath)))
        {
            errors.Add($"{rule.At}.presentWhen.path", $"'{rule.PresentWhenPath}' is not a field of this profile");
        }

        var constants = new List<Assignment>();
        foreach (var (name, value) in profile.Constants ?? new Dictionary<string, string>())
        {
            var at = $"constants.{name}";
            if (!CanonicalFields.TryParse(name, out var target))
            {
                errors.Add(at, $"'{name}' is not a canonical field");
                continue;
            }

            using var doc = JsonDocument.Parse(JsonSerializer.Serialize(value));
            if (CanonicalValues.Convert(target, doc.RootElement, at, errors) is { } converted)
            {
                constants.Add(new Assignment(target, converted));
                covered[(int)target] = true;
            }
        }

        var compiledAll = rules.Count == profile.Fields.Count;
        var missing = RequiredCanonical.Where(f => !covered[(int)f]).Select(CanonicalFields.NameOf).ToList();
        if (missing.Count > 0 && compiledAll)
        {
            errors.Add("fields", $"no rule or constant provides {string.Join(", ", missing)}");
        }

        if (compiledAll && rules.Count(r => r.To == CanonicalField.CodeNativeLevel) != 1)
        {
            errors.Add("fields", "exactly one field must have \"to\": \"code.nativeLevel\" (the region's level field)");
        }

        if (compiledAll && !errors.Any)
        {
            ProfileConsistency.Check(profile, rules, errors);
        }

        var (endOfDay, validFor) = Validity(profile.Validity, errors);
        var informational = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, reason) in profile.Informational ?? new Dictionary<string, string>())
        {
            if (!informational.TryAdd(context.PathOf(path), reason))
            {
                errors.Add($"informational.{path}", "names the same field as another key");
            }
        }

        var codeRule = rules.FirstOrDefault(r => r.To == CanonicalField.CodeValue);
        if (errors.Any || codeRule is null || codeRegex is null || zone is null || maxStatusAge is null)
        {
            return null;
        }

        var plan = new ProfilePlan
        {
            Definition = profile,
            Rules = rules.ToArray(),
            CodeRegex = codeRegex,
            CodePrefix = RegexLiteralPrefix.Of(profile.CodePattern),
            Zone = zone,
            Constants = constants.ToArray(),
            ConsumedPaths = consumed,
            Informational = informational,
            EndOfDayZone = endOfDay,
            ValidFor = validFor,
            CodeRule = codeRule,
            DefaultSources = sources,
            Picks = picks.OrderBy(p => p.Path.Count(c => c == '/')).ToArray(),
            ArrayPaths = picks.Select(p => p.Path).ToHashSet(StringComparer.Ordinal),
            XmlNames = xmlNames,
            Envelope = envelope,
        };
        return new RegionProfile(plan, RegionVocabulary.From(profile), maxStatusAge.Value, hash);
    }

    private static (TimeZoneInfo? EndOfDay, TimeSpan? After) Validity(ValidityRule? validity, ProfileErrors errors)
    {
        TimeZoneInfo? endOfDay = null;
        if (validity?.EndOfDayIn is { } zone)
        {
            endOfDay = FindZone(zone);
            if (endOfDay is null)
            {
                errors.Add("validity.endOfDayIn", $"'{zone}' is not a known time zone");
            }
        }

        var after = validity?.After is { } duration ? Duration(duration, "validity.after", errors) : null;
        return (endOfDay, after);
    }

    private static TimeSpan? Duration(string text, string at, ProfileErrors errors)
    {
        try
        {
            return XmlConvert.ToTimeSpan(text);
        }
        catch (FormatException)
        {
            errors.Add(at, $"'{text}' is not an ISO 8601 duration");
            return null;
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
}
