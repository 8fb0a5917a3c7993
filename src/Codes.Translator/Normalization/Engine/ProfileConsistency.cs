using System.Globalization;
using HealthCode.Translator.Canonical;
using HealthCode.Translator.Profiles;
using HealthCode.Translator.Translation;

namespace HealthCode.Translator.Normalization.Engine;

/// <summary>
/// Checks across rules that no single rule can make: repeated paths and targets, map keys that can never match, and a
/// level vocabulary that establishes a level for every value and has a value for every labelled level.
/// </summary>
internal static class ProfileConsistency
{
    public static void Check(ProfileDefinition profile, IReadOnlyList<CompiledRule> rules, ProfileErrors errors)
    {
        Duplicates(rules, errors);
        foreach (var rule in rules)
        {
            UnreachableKeys(rule, errors);
        }

        if (rules.SingleOrDefault(r => r.To == CanonicalField.CodeNativeLevel) is { } levelRule)
        {
            Levels(profile, levelRule, RegionVocabulary.From(profile), errors);
        }
    }

    private static void Duplicates(IReadOnlyList<CompiledRule> rules, ProfileErrors errors)
    {
        for (var j = 1; j < rules.Count; j++)
        {
            for (var i = 0; i < j; i++)
            {
                if (rules[i].Path == rules[j].Path)
                {
                    errors.Add($"{rules[j].At}.path", $"'{rules[j].Source.Path}' is already described by {rules[i].At}");
                }

                if (rules[i].To is { } to && rules[j].To == to)
                {
                    errors.Add($"{rules[j].At}.to", $"{CanonicalFields.NameOf(to)} already comes from {rules[i].At}; list a second native field as an alternative instead");
                }
            }
        }
    }

    /// <summary>A key the payload can never produce is a typo that would turn a valid value into an error.</summary>
    private static void UnreachableKeys(CompiledRule rule, ProfileErrors errors)
    {
        foreach (var key in rule.Map?.Keys ?? Enumerable.Empty<string>())
        {
            var why = rule.Type switch
            {
                NativeType.Integer when !long.TryParse(key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) || n.ToString(CultureInfo.InvariantCulture) != key =>
                    "integer values are compared in decimal form ('1', not '01' or '1.0')",
                NativeType.Boolean when key is not ("true" or "false") => "boolean values are compared as true or false",
                NativeType.String when rule.Transform.Apply(key) != key => $"values are transformed ({string.Join(", ", rule.Source.Transform ?? [])}) before they are mapped",
                _ => null,
            };
            if (why is not null)
            {
                errors.Add($"{rule.At}.map.{key}", "never matches: " + why);
            }
        }
    }

    private static void Levels(ProfileDefinition profile, CompiledRule levelRule, RegionVocabulary vocabulary, ProfileErrors errors)
    {
        foreach (var entry in vocabulary.Entries.Values.Where(e => e.Level is null && e.Details.Count == 0))
        {
            errors.Add($"{levelRule.At}.map.{entry.NativeLevel}",
                "establishes no level: give it a code.level, or add a field whose presentWhen names this value and whose map sets code.level");
        }

        var reachable = vocabulary.Entries.Values.SelectMany(e => e.Details.Values.Concat(e.Level is { } l ? [l] : [])).ToHashSet();
        foreach (var level in new[] { RiskLevel.Green, RiskLevel.Yellow, RiskLevel.Red })
        {
            if (!reachable.Contains(level) && profile.Labels.TryGetValue(level.ToWire(), out var label))
            {
                errors.Add($"labels.{level.ToWire()}",
                    $"the level map ({levelRule.At}.map) has no value for '{label}': no native value maps to {level.ToWire()}");
            }
        }
    }
}
