using System.Text.RegularExpressions;
using HealthCode.Translator.Profiles;

namespace HealthCode.Translator.Normalization.Engine;

/// <summary>What the engine runs for one profile: rules, regexes, zones and maps precomputed once at compile time.</summary>
internal sealed class ProfilePlan
{
    public required ProfileDefinition Definition { get; init; }
    public required CompiledRule[] Rules { get; init; }
    public required Regex CodeRegex { get; init; }
    /// <summary>What every code of this region starts with (<see cref="RegexLiteralPrefix"/>); "" when the pattern does not say.</summary>
    public required string CodePrefix { get; init; }
    public required TimeZoneInfo Zone { get; init; }
    public required Assignment[] Constants { get; init; }
    /// <summary>Every native path some rule reads; any other leaf in a payload earns a field-not-mapped warning.</summary>
    public required HashSet<string> ConsumedPaths { get; init; }
    public required Dictionary<string, string> Informational { get; init; }
    public TimeZoneInfo? EndOfDayZone { get; init; }
    public TimeSpan? ValidFor { get; init; }
    public required CompiledRule CodeRule { get; init; }
    /// <summary>For each canonical field, the first native pointer that can feed it: where a missing-field error is reported.</summary>
    public required string?[] DefaultSources { get; init; }
    /// <summary>Rule paths of the declared arrays, outermost first; entries below them are read from the picked entry.</summary>
    public required CompiledPick[] Picks { get; init; }
    public required IReadOnlySet<string> ArrayPaths { get; init; }
    public required XmlNaming XmlNames { get; init; }
    public CompiledEnvelope? Envelope { get; init; }
}
