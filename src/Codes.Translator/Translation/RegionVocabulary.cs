using System.Text.Json;
using HealthCode.Translator.Canonical;
using HealthCode.Translator.Profiles;

namespace HealthCode.Translator.Translation;

/// <summary>A region's level vocabulary, derived from its profile: the field whose "to" is code.nativeLevel, and the fields whose presentWhen hangs on it.</summary>
public sealed class RegionVocabulary
{
    private RegionVocabulary(IReadOnlyDictionary<string, NativeLevelEntry> entries, IReadOnlySet<string> levelNeutralSubStatuses, bool freeSubStatus)
    {
        Entries = entries;
        LevelNeutralSubStatuses = levelNeutralSubStatuses;
        AcceptsAnySubStatus = freeSubStatus;
    }

    public IReadOnlyDictionary<string, NativeLevelEntry> Entries { get; }

    /// <summary>Sub-statuses set by fields other than the level field (Jiangsu trip-star): they never change the level.</summary>
    public IReadOnlySet<string> LevelNeutralSubStatuses { get; }

    /// <summary>True where a field carries the sub-status verbatim (Macau subcodigo): any sub-status is acceptable and level-neutral.</summary>
    public bool AcceptsAnySubStatus { get; }

    /// <summary>The native value that means exactly this level and nothing more, if the region has one.</summary>
    public string? PureNativeFor(RiskLevel level) =>
        Entries.Values.FirstOrDefault(e => e.Level == level && e.SubStatus is null && e.Details.Count == 0)?.NativeLevel;

    internal static RegionVocabulary From(ProfileDefinition profile)
    {
        static string Norm(string path) => path.TrimStart('/');
        static string? Str(IReadOnlyDictionary<string, JsonElement> map, string key) =>
            map.TryGetValue(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        var levelRule = profile.Fields.Single(f => f.To == CanonicalFields.CodeNativeLevel);
        var detailRules = profile.Fields.Where(f => f.PresentWhen is not null && Norm(f.PresentWhen.Path) == Norm(levelRule.Path)).ToList();
        var entries = new Dictionary<string, NativeLevelEntry>(StringComparer.Ordinal);
        foreach (var (native, assignments) in levelRule.Map ?? new Dictionary<string, IReadOnlyDictionary<string, JsonElement>>())
        {
            RiskLevel? level = RiskLevels.TryParse(Str(assignments, CanonicalFields.CodeLevel), out var parsed) ? parsed : null;
            var details = new Dictionary<string, RiskLevel>(StringComparer.Ordinal);
            foreach (var rule in detailRules.Where(r => r.PresentWhen!.In.Contains(native)))
            {
                foreach (var detail in rule.Map?.Values ?? [])
                {
                    if (Str(detail, CanonicalFields.CodeSubStatus) is { } sub && RiskLevels.TryParse(Str(detail, CanonicalFields.CodeLevel), out var detailLevel))
                    {
                        details[sub] = detailLevel;
                    }
                }
            }

            entries[native] = new NativeLevelEntry(native, level, Str(assignments, CanonicalFields.CodeSubStatus), details);
        }

        var neutral = profile.Fields
            .Where(f => f != levelRule && !detailRules.Contains(f) && f.Map is not null)
            .SelectMany(f => f.Map!.Values)
            .Where(a => !a.ContainsKey(CanonicalFields.CodeLevel))
            .Select(a => Str(a, CanonicalFields.CodeSubStatus))
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        var free = profile.Fields.Any(f => f.To == CanonicalFields.CodeSubStatus);
        return new RegionVocabulary(entries, neutral, free);
    }
}
