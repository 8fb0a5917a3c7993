using System.Text.Json;

namespace HealthCode.Translator.Profiles;

/// <summary>
/// One native field. Path is "/"-separated from the payload root (for XML, below the root element).
/// A value reaches the canonical record through To (verbatim, or parsed by Time) and/or through Map,
/// whose entries assign canonical fields (e.g. {"code.level": "red", "code.subStatus": "popup-2"}).
/// A value not listed in Map is a validation error naming the field.
/// </summary>
public sealed record FieldRule
{
    public required string Path { get; init; }
    /// <summary>Tried in order when Path is absent or empty (e.g. Hong Kong nameEn after nameZh).</summary>
    public IReadOnlyList<string>? Alternatives { get; init; }
    /// <summary>"string", "integer", "boolean", "object" or "array" as the native payload carries it.</summary>
    public required string Type { get; init; }
    public bool Required { get; init; }
    /// <summary>Required when another field has one of the listed values, forbidden otherwise (Beijing tcbh with zt 弹窗).</summary>
    public PresenceCondition? PresentWhen { get; init; }
    /// <summary>Regex the native value must match (e.g. Zhejiang city_code starts with 33).</summary>
    public string? Pattern { get; init; }
    /// <summary>Canonical field that takes the value (e.g. "code.value", "code.statusAt").</summary>
    public string? To { get; init; }
    /// <summary>Time format when To is a time: iso8601-offset, iso8601-utc, iso8601-local, unix-seconds, unix-milliseconds, or a .NET exact format read in the profile's zone.</summary>
    public string? Time { get; init; }
    /// <summary>"event-time": an absent or empty value falls back to the event's time with a status-time-missing warning.</summary>
    public string? Fallback { get; init; }
    /// <summary>The time of day when it is in a separate field (a date in one field, a time in another).</summary>
    public TimeOfDayRule? TimeOfDay { get; init; }
    /// <summary>"trim", "upper-case", "lower-case": applied to a text value before pattern, map, to and time.</summary>
    public IReadOnlyList<string>? Transform { get; init; }
    /// <summary>For an array: the entry that the fields below its path read.</summary>
    public ArrayPick? Pick { get; init; }
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, JsonElement>>? Map { get; init; }
}
