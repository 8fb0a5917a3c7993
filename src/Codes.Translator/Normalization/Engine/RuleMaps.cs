using HealthCode.Translator.Canonical;
using HealthCode.Translator.Profiles;

namespace HealthCode.Translator.Normalization.Engine;

/// <summary>Compiles a rule's map: native value → canonical assignments, each checked against its canonical field.</summary>
internal static class RuleMaps
{
    public static Dictionary<string, Assignment[]>? Compile(FieldRule rule, string at, ProfileErrors errors)
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
