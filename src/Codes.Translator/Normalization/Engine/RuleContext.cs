using HealthCode.Translator.Profiles;

namespace HealthCode.Translator.Normalization.Engine;

/// <summary>What compiling one rule needs from its profile: the zone, the envelope's path prefix, and the other rules.</summary>
internal sealed record RuleContext(TimeZoneInfo Zone, string Prefix, IReadOnlyList<FieldRule> Siblings)
{
    /// <summary>A profile path as the payload holds it: without a leading slash, below the envelope's data if there is one.</summary>
    public string PathOf(string path) => Prefix + path.TrimStart('/');
}
