using System.Text.RegularExpressions;
using HealthCode.Translator.Canonical;
using HealthCode.Translator.Normalization.Engine;
using HealthCode.Translator.Translation;

namespace HealthCode.Translator.Profiles;

/// <summary>
/// A region profile ready to use: checked and compiled once (by the catalogue or <see cref="ProfileDraft"/>), then
/// shared by every call. The normalizer runs it as it is; nothing is looked up or compiled again.
/// </summary>
public sealed class RegionProfile
{
    internal RegionProfile(ProfilePlan plan, RegionVocabulary vocabulary, TimeSpan maxStatusAge, string hash)
    {
        Hash = hash;
        Plan = plan;
        Vocabulary = vocabulary;
        MaxStatusAgeSpan = maxStatusAge;
    }

    /// <summary>The profile as written.</summary>
    public ProfileDefinition Definition => Plan.Definition;

    public string Id => Definition.Id;

    /// <summary>The profile's own "version" key, if it has one.</summary>
    public string? Version => Definition.Version;

    /// <summary>The first 16 hex digits of the SHA-256 of the profile's bytes: tells two loads of a file apart even when its version was not bumped.</summary>
    public string Hash { get; }

    public string Name => Definition.Name;

    public PayloadFormat Format => Definition.Format;

    public string CodePattern => Definition.CodePattern;

    /// <summary>The compiled code pattern. It has a match timeout: prefer <see cref="MatchesCode"/>, which fails closed.</summary>
    public Regex CodeRegex => Plan.CodeRegex;

    public string MaxStatusAge => Definition.MaxStatusAge;

    public TimeSpan MaxStatusAgeSpan { get; }

    /// <summary>The silence budget as written (ISO 8601 duration), or null when the region promises none.</summary>
    public string? MaxSilence => Definition.MaxSilence;

    public string TimeZone => Definition.TimeZone;

    public IReadOnlyDictionary<string, string> Labels => Definition.Labels;

    /// <summary>The region's level vocabulary, derived from its level field.</summary>
    public RegionVocabulary Vocabulary { get; }

    internal ProfilePlan Plan { get; }

    public string LabelFor(RiskLevel level) =>
        Labels.TryGetValue(level.ToWire(), out var label) ? label : level.ToWire();

    /// <summary>
    /// Whether a scanned code is one of this region's; false when the pattern times out (it cannot be attributed). A code
    /// without the pattern's literal prefix is refused before the regex runs: issuer detection asks every region.
    /// </summary>
    public bool MatchesCode(string code) =>
        code.StartsWith(Plan.CodePrefix, StringComparison.Ordinal) && SafeRegex.Match(CodeRegex, code) == RegexOutcome.Match;
}
