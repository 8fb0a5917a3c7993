using System.Globalization;
using System.Text;
using System.Text.Json;

namespace HealthCode.Verifier.Regional.Snapshots;

/// <summary>
/// Reads one NDJSON line of a snapshot. Strict about what the contract names (an object; sequence an integer &gt; 0;
/// payload a string of at most the event size limit; the optional members strings), lenient about members it does
/// not name (ignored, so a region may add its own). Error texts name members, never their values.
/// </summary>
public static class SnapshotLineParser
{
    /// <summary>The largest payload a line may carry: the same 64 KiB an event may.</summary>
    public const int MaxPayloadBytes = 64 * 1024;

    public static SnapshotLineContent Parse(ReadOnlySpan<byte> line)
    {
        string? sequence = null, contentType = null, payload = null, signature = null, keyId = null;
        try
        {
            var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = 16 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return SnapshotLineContent.Refused("the line is not a JSON object");
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "sequence":
                        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var number) || number <= 0)
                            return SnapshotLineContent.Refused("sequence must be an integer greater than zero", "/sequence");
                        sequence = number.ToString(CultureInfo.InvariantCulture);
                        break;
                    case "payload":
                        if (reader.TokenType != JsonTokenType.String) return SnapshotLineContent.Refused("payload must be a string", "/payload");
                        payload = reader.GetString();
                        break;
                    case "contentType": if (!ReadString(ref reader, out contentType)) return NotAString(name); break;
                    case "signature": if (!ReadString(ref reader, out signature)) return NotAString(name); break;
                    case "keyId": if (!ReadString(ref reader, out keyId)) return NotAString(name); break;
                    default: reader.Skip(); break;
                }
            }
            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
                return SnapshotLineContent.Refused("the line must hold exactly one JSON object");
        }
        catch (JsonException e)
        {
            // The position only: the text around it may be a person's data.
            return SnapshotLineContent.Refused($"not valid JSON (byte {e.BytePositionInLine})");
        }
        if (sequence is null) return SnapshotLineContent.Refused("sequence is required", "/sequence");
        if (payload is null) return SnapshotLineContent.Refused("payload is required", "/payload");
        var bytes = Encoding.UTF8.GetBytes(payload);
        if (bytes.Length > MaxPayloadBytes) return SnapshotLineContent.Refused($"payload is over {MaxPayloadBytes} bytes", "/payload");
        return new SnapshotLineContent(sequence, contentType, bytes, signature, keyId, null, null);
    }

    // A string, or null for "absent"; false for anything else.
    private static bool ReadString(ref Utf8JsonReader reader, out string? value)
    {
        value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return reader.TokenType is JsonTokenType.String or JsonTokenType.Null;
    }

    private static SnapshotLineContent NotAString(string? name) => SnapshotLineContent.Refused($"{name} must be a string", "/" + name);
}
