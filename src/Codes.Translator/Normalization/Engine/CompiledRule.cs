using System.Text.RegularExpressions;
using HealthCode.Translator.Canonical;
using HealthCode.Translator.Profiles;

namespace HealthCode.Translator.Normalization.Engine;

/// <summary>A <see cref="FieldRule"/> with everything a call needs precomputed (regexes, parsed maps, pointers).</summary>
internal sealed class CompiledRule
{
    public required FieldRule Source { get; init; }
    public required string Path { get; init; }
    public required string Pointer { get; init; }
    public required string[] Alternatives { get; init; }
    public required NativeType Type { get; init; }
    public bool Required { get; init; }
    public string? PresentWhenPath { get; init; }
    public HashSet<string>? PresentWhenValues { get; init; }
    public Regex? Pattern { get; init; }
    public CanonicalField? To { get; init; }
    public TimeReader? Time { get; init; }
    public bool FallbackToEventTime { get; init; }
    public Dictionary<string, Assignment[]>? Map { get; init; }
    public string? AllowedValues { get; init; }
}
