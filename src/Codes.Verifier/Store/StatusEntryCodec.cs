using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using HealthCode.Translator.Canonical;
using HealthCode.Translator.Serialization;

namespace HealthCode.Verifier.Store;

/// <summary>
/// The stored value "&lt;sequence&gt;|&lt;holderKey&gt;|&lt;flags&gt;|&lt;record&gt;". The sequence, holder key and flags
/// ("m": the holder has other codes, read the holder index; "r": revoked) sit in front as text so the Lua scripts read
/// them with a pattern; the record is a compact binary form (version byte 2, varints, length-prefixed UTF-8) because a
/// national cache holds tens of millions of them. Values written before (JSON record, no flags) still read.
/// </summary>
internal static class StatusEntryCodec
{
    private const byte Version = 2;

    private static readonly JsonSerializerOptions LegacyJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new RiskLevelJsonConverter() },
    };

    /// <summary>The record part, without the text prefix the Apply script writes in front of it.</summary>
    public static byte[] EncodeRecord(StatusEntry entry)
    {
        var buffer = new ArrayBufferWriter<byte>(96);
        buffer.Write([Version, (byte)entry.Level]);
        WriteString(buffer, entry.NativeLevel);
        WriteOptionalString(buffer, entry.SubStatus);
        WriteTime(buffer, entry.StatusAt);
        WriteOptionalTime(buffer, entry.ValidUntil);
        WriteOptionalString(buffer, entry.MaskedName);
        WriteOptionalString(buffer, entry.MaskedDocument);
        WriteOptionalString(buffer, entry.NatResult);
        WriteOptionalTime(buffer, entry.NatSampledAt);
        WriteOptionalTime(buffer, entry.NatReportedAt);
        WriteVarint(buffer, entry.VaccineDoses is { } doses ? (ulong)doses + 1 : 0);
        buffer.Write([entry.RiskAreaVisit switch { null => (byte)0, false => (byte)1, true => (byte)2 }]);
        WriteTime(buffer, entry.ReceivedAt);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The whole value as the Apply script stores it (tests and tools that write values directly).</summary>
    public static byte[] Encode(StatusEntry entry, bool multi = false)
    {
        var flags = (multi ? "m" : "") + (entry.Revoked ? "r" : "");
        var prefix = Encoding.ASCII.GetBytes($"{entry.Sequence.ToString(CultureInfo.InvariantCulture)}|{entry.HolderKey}|{flags}|");
        return [.. prefix, .. EncodeRecord(entry)];
    }

    /// <summary>The prefix of a stored value, or null when the value is not one this build reads.</summary>
    public static StoredPrefix? ReadPrefix(ReadOnlySpan<byte> value)
    {
        var first = value.IndexOf((byte)'|');
        if (first <= 0) return null;
        var second = value[(first + 1)..].IndexOf((byte)'|');
        if (second < 0) return null;
        second += first + 1;
        if (!long.TryParse(value[..first], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)) return null;
        var holder = Encoding.ASCII.GetString(value[(first + 1)..second]);
        var rest = value[(second + 1)..];
        if (rest.Length > 0 && rest[0] == (byte)'{') return new StoredPrefix(sequence, holder, Multi: true, Revoked: false, second + 1, Legacy: true);
        var third = rest.IndexOf((byte)'|');
        if (third < 0) return null;
        var flags = rest[..third];
        return new StoredPrefix(sequence, holder, flags.Contains((byte)'m'), flags.Contains((byte)'r'), second + 1 + third + 1, Legacy: false);
    }

    public static StatusEntry? Decode(ReadOnlySpan<byte> value, string issuer, string code) =>
        ReadPrefix(value) is { } prefix ? Decode(value, prefix, issuer, code) : null;

    public static StatusEntry? Decode(ReadOnlySpan<byte> value, StoredPrefix prefix, string issuer, string code)
    {
        var record = value[prefix.RecordStart..];
        // A placeholder (sequence 0, no record) marks a code whose first status is on its way: not a status yet.
        if (prefix.Sequence <= 0 || record.IsEmpty) return null;
        try
        {
            if (prefix.Legacy) return JsonSerializer.Deserialize<StatusEntry>(record, LegacyJson);
            var reader = new RecordReader(record);
            if (reader.Byte() != Version) return null;
            var level = reader.Byte();
            // Fail closed: a level this build cannot name reads as absent (verify answers manual), never a guess.
            if (!Enum.IsDefined((RiskLevel)level)) return null;
            var entry = new StatusEntry(
                Issuer: issuer,
                Code: code,
                Sequence: prefix.Sequence,
                Level: (RiskLevel)level,
                NativeLevel: reader.String(),
                SubStatus: reader.OptionalString(),
                StatusAt: reader.Time(),
                ValidUntil: reader.OptionalTime(),
                Revoked: prefix.Revoked,
                HolderKey: prefix.Holder.Length == 0 ? null : prefix.Holder,
                MaskedName: reader.OptionalString(),
                MaskedDocument: reader.OptionalString(),
                NatResult: reader.OptionalString(),
                NatSampledAt: reader.OptionalTime(),
                NatReportedAt: reader.OptionalTime(),
                VaccineDoses: reader.Varint() is var doses and > 0 ? checked((int)(doses - 1)) : null,
                RiskAreaVisit: reader.Byte() switch { 0 => null, 1 => false, 2 => true, _ => throw new FormatException("risk area") },
                ReceivedAt: reader.Time());
            return reader.AtEnd ? entry : null;
        }
        catch (Exception e) when (e is JsonException or FormatException or OverflowException or ArgumentException)
        {
            // A value this code cannot read is treated as absent: verify then answers manual (unknown-code).
            return null;
        }
    }

    private static void WriteString(IBufferWriter<byte> buffer, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        WriteVarint(buffer, (ulong)bytes.Length);
        buffer.Write(bytes);
    }

    private static void WriteOptionalString(IBufferWriter<byte> buffer, string? text)
    {
        if (text is null)
        {
            WriteVarint(buffer, 0);
            return;
        }
        var bytes = Encoding.UTF8.GetBytes(text);
        WriteVarint(buffer, (ulong)bytes.Length + 1);
        buffer.Write(bytes);
    }

    // Unix milliseconds (zigzag) and the offset in minutes (zigzag): the instant and how the region wrote it.
    private static void WriteTime(IBufferWriter<byte> buffer, DateTimeOffset time)
    {
        WriteVarint(buffer, ZigZag(time.ToUnixTimeMilliseconds()));
        WriteVarint(buffer, ZigZag((long)time.Offset.TotalMinutes));
    }

    private static void WriteOptionalTime(IBufferWriter<byte> buffer, DateTimeOffset? time)
    {
        if (time is not { } t)
        {
            WriteVarint(buffer, 0);
            return;
        }
        WriteVarint(buffer, ZigZag(t.ToUnixTimeMilliseconds()) + 1);
        WriteVarint(buffer, ZigZag((long)t.Offset.TotalMinutes));
    }

    private static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));

    internal static long UnZigZag(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);

    private static void WriteVarint(IBufferWriter<byte> buffer, ulong value)
    {
        Span<byte> bytes = stackalloc byte[10];
        var n = 0;
        while (value >= 0x80)
        {
            bytes[n++] = (byte)(value | 0x80);
            value >>= 7;
        }
        bytes[n++] = (byte)value;
        buffer.Write(bytes[..n]);
    }
}
