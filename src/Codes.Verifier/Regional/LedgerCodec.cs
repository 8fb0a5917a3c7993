using System.Globalization;
using System.Text.Json;

namespace HealthCode.Verifier.Regional;

/// <summary>The ledger's stored forms: milliseconds since the epoch, field pointers as a JSON array.</summary>
internal static class LedgerCodec
{
    public static string Millis(DateTimeOffset at) => at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    public static DateTimeOffset? FromMillis(string? text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;

    public static long? Long(string? text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static string FieldsJson(IReadOnlyList<string> fields) => fields.Count == 0 ? "" : JsonSerializer.Serialize(fields);

    public static IReadOnlyList<string>? Fields(string? json)
    {
        if (string.IsNullOrEmpty(json)) return null;
        try
        {
            return JsonSerializer.Deserialize<string[]>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>The outcome a stored record describes, or null when it is not one this code can read (treated as unknown).</summary>
    public static EventOutcome? Outcome(string messageId, IReadOnlyDictionary<string, string?> record)
    {
        if (!record.TryGetValue("state", out var word) || !EventStates.TryParse(word, out var state)) return null;
        if (FromMillis(record.GetValueOrDefault("rcv")) is not { } received) return null;
        return new EventOutcome(messageId, state,
            NullIfEmpty(record.GetValueOrDefault("reason")),
            NullIfEmpty(record.GetValueOrDefault("detail")),
            Fields(record.GetValueOrDefault("fields")),
            Long(record.GetValueOrDefault("seq")),
            received,
            state == EventState.Pending ? null : FromMillis(record.GetValueOrDefault("dec")));
    }
}
