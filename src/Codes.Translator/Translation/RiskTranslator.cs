using HealthCode.Translator.Canonical;
using HealthCode.Translator.Profiles;

namespace HealthCode.Translator.Translation;

/// <summary>
/// Translates a region's native level into the canonical level and the target region's vocabulary. Pure: everything comes from the
/// profiles. The canonical level is never relaxed; where the source is ambiguous the most restrictive reading is taken.
/// </summary>
public sealed class RiskTranslator
{
    private readonly IRegionCatalog _catalog;

    public RiskTranslator(IRegionCatalog catalog) => _catalog = catalog;

    public RegionVocabulary VocabularyOf(string region) => Profile(region, "region").Vocabulary;

    /// <exception cref="TranslationException">ParamName says which argument is wrong: from, to, level or subStatus.</exception>
    public TranslationResult Translate(string from, string to, string level, string? subStatus = null)
    {
        var source = Profile(from, nameof(from)).Vocabulary;
        var targetProfile = Profile(to, nameof(to));
        var target = targetProfile.Vocabulary;
        if (!source.Entries.TryGetValue(level, out var entry))
        {
            throw new TranslationException(nameof(level), TranslationError.UnknownValue,
                $"'{level}' is not a level of region {from}; allowed: {string.Join(", ", source.Entries.Keys)}");
        }

        var ambiguous = false;
        RiskLevel canonical;
        if (string.IsNullOrEmpty(subStatus))
        {
            subStatus = null;
            ambiguous = entry.Level is null;
            canonical = entry.WorstCase;
        }
        else if (entry.Details.TryGetValue(subStatus, out var detailLevel))
        {
            canonical = detailLevel;
        }
        else if (entry.SubStatus == subStatus || source.LevelNeutralSubStatuses.Contains(subStatus) || source.AcceptsAnySubStatus)
        {
            ambiguous = entry.Level is null;
            canonical = entry.WorstCase;
        }
        else
        {
            var allowed = entry.Details.Keys.Concat(source.LevelNeutralSubStatuses).Append(entry.SubStatus).OfType<string>().Distinct();
            throw new TranslationException(nameof(subStatus), TranslationError.UnknownValue,
                $"'{subStatus}' is not a sub-status of {from} level '{level}'; allowed: {string.Join(", ", allowed)}");
        }

        var sameRegion = from == to;
        var nativeLevel = sameRegion ? level : target.PureNativeFor(canonical);
        // Outside its own region a sub-status (popup-4, g28, under-review) has no equivalent: the level carries over, the nuance does not.
        var exact = !ambiguous && nativeLevel is not null && (sameRegion || (subStatus is null && entry.SubStatus is null));
        return new TranslationResult(canonical, new TranslationTarget(to, targetProfile.LabelFor(canonical), nativeLevel), exact);
    }

    private RegionProfile Profile(string region, string parameter) =>
        _catalog.Find(region) ?? throw new TranslationException(parameter, TranslationError.UnknownRegion, $"unknown region '{region}'");
}
