namespace HealthCode.Translator.Profiles;

/// <summary>
/// One region's declarative profile as written in schemas/regions/&lt;id&gt;.json and validated by
/// schemas/region-profile.schema.json. Everything region-specific lives here, not in C#. It is data only: the catalogue
/// compiles it into a <see cref="RegionProfile"/>, which is what the rest of the system uses.
/// </summary>
public sealed record ProfileDefinition
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    /// <summary>Free text chosen by the profile's author, e.g. "2022-12-01"; reported with the profile, never interpreted.</summary>
    public string? Version { get; init; }
    public required PayloadFormat Format { get; init; }
    /// <summary>For XML payloads: the required root element name.</summary>
    public string? XmlRoot { get; init; }
    /// <summary>For XML payloads: profile prefix → namespace URI; the empty prefix names a namespace's elements by local name alone.</summary>
    public IReadOnlyDictionary<string, string>? XmlNamespaces { get; init; }
    /// <summary>A wrapper around the payload: field paths are then relative to its data.</summary>
    public EnvelopeRule? Envelope { get; init; }
    public required string CodePattern { get; init; }
    /// <summary>ISO 8601 duration, e.g. "PT24H": a status older than this is stale.</summary>
    public required string MaxStatusAge { get; init; }

    /// <summary>
    /// Optional ISO 8601 duration, e.g. "PT10M": the region promises an event or a heartbeat at least this often, and
    /// verify answers manual (issuer-silent) for its codes while it is silent longer. Absent: no promise, no check.
    /// </summary>
    public string? MaxSilence { get; init; }
    /// <summary>IANA zone used by time formats that carry no offset.</summary>
    public required string TimeZone { get; init; }
    /// <summary>Display labels keyed by canonical level ("green", "yellow", "red", "unknown").</summary>
    public required IReadOnlyDictionary<string, string> Labels { get; init; }
    public required IReadOnlyList<FieldRule> Fields { get; init; }
    /// <summary>Canonical fields the region implies without sending them (e.g. Jiangsu idCard is always a resident-id).</summary>
    public IReadOnlyDictionary<string, string>? Constants { get; init; }
    /// <summary>Native fields known to carry nothing canonical, with why (reported as field-not-mapped warnings).</summary>
    public IReadOnlyDictionary<string, string>? Informational { get; init; }
    public ValidityRule? Validity { get; init; }
}
