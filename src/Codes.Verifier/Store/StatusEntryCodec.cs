using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using HealthCode.Translator.Serialization;

namespace HealthCode.Verifier.Store;

/// <summary>
/// The stored value "&lt;sequence&gt;|&lt;holderKey&gt;|&lt;compact json&gt;": the sequence and holder key sit in
/// front so the Lua scripts read them without a JSON parser, and verify stays one round trip.
/// </summary>
internal static class StatusEntryCodec
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // The level as its word ("green"), as entries have always been written: old and new values read alike.
        Converters = { new RiskLevelJsonConverter() },
    };

    public static string Encode(StatusEntry entry) =>
        string.Concat(
            entry.Sequence.ToString(CultureInfo.InvariantCulture), "|",
            entry.HolderKey ?? "", "|",
            JsonSerializer.Serialize(entry, Json));

    public static StatusEntry? Decode(string? value)
    {
        if (string.IsNullOrEmpty(value)) return null;
        var first = value.IndexOf('|');
        var second = first < 0 ? -1 : value.IndexOf('|', first + 1);
        if (second < 0) return null;
        try
        {
            return JsonSerializer.Deserialize<StatusEntry>(value.AsSpan(second + 1), Json);
        }
        catch (JsonException)
        {
            // A value this code cannot read is treated as absent: verify then answers manual (unknown-code).
            return null;
        }
    }
}
