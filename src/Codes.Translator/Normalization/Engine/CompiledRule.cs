using System.Text.RegularExpressions;
using HealthCode.Translator.Canonical;
using HealthCode.Translator.Normalization.Time;
using HealthCode.Translator.Profiles;

namespace HealthCode.Translator.Normalization.Engine;

/// <summary>A <see cref="FieldRule"/> with everything a call needs precomputed (regexes, parsed maps, pointers).</summary>
internal sealed class CompiledRule
{
    public required FieldRule Source { get; init; }
    /// <summary>Where the rule is in the profile ("fields[3]"), for profile errors.</summary>
    public required string At { get; init; }
    public required string Path { get; init; }
    public required string Pointer { get; init; }
    public required string[] Alternatives { get; init; }
    public required NativeType Type { get; init; }
    public bool Required { get; init; }
    public string? PresentWhenPath { get; init; }
    public HashSet<string>? PresentWhenValues { get; init; }
    /// <summary>The transform of the field the condition reads, so that the condition sees what that field's rule sees.</summary>
    public TextTransform PresentWhenTransform { get; init; }
    public TextTransform Transform { get; init; }
    public Regex? Pattern { get; init; }
    public CanonicalField? To { get; init; }
    public TimeReader? Time { get; init; }
    /// <summary>The second field of a time split over a date field and a time-of-day field.</summary>
    public string? TimeOfDayPath { get; init; }
    public bool FallbackToEventTime { get; init; }
    public Dictionary<string, Assignment[]>? Map { get; init; }
    public string? AllowedValues { get; init; }

    /// <summary>Every native path this rule reads.</summary>
    public IEnumerable<string> ReadPaths => Alternatives.Prepend(Path).Concat(TimeOfDayPath is null ? [] : [TimeOfDayPath]);

    /// <summary>Every canonical field this rule can set.</summary>
    public IEnumerable<CanonicalField> Targets =>
        (Map?.Values.SelectMany(a => a).Select(a => a.Field) ?? []).Concat(To is { } to ? [to] : []);
}
