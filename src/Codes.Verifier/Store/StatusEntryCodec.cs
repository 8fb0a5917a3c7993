using System.Buffers;
using System.Globalization;
using System.Text;
using HealthCode.Translator.Canonical;

namespace HealthCode.Verifier.Store;

/// <summary>
/// The stored value "&lt;sequence&gt;|&lt;holderKey&gt;|&lt;flags&gt;|&lt;expiresAt&gt;|&lt;record&gt;". The sequence, holder key,
/// flags ("m": the holder has other codes, read the holder index; "r": revoked) and expiry (Unix seconds, base 36) sit in
/// front as text so the Lua scripts read them with a pattern; the record is a compact binary form (version byte 2, varints, length-prefixed UTF-8, times as
/// distances from the status time, runs of asterisks in masked forms packed) because a
/// national cache holds tens of millions of them.
/// </summary>
internal static class StatusEntryCodec
{
    private const byte Version = 2;

    /// <summary>The record part, without the text prefix the Apply script writes in front of it.</summary>
    public static byte[] EncodeRecord(StatusEntry entry)
    {
        var buffer = new ArrayBufferWriter<byte>(96);
        buffer.Write([Version, (byte)entry.Level]);
        WriteString(buffer, entry.NativeLevel);
        WriteOptionalString(buffer, entry.SubStatus);
        var at = entry.StatusAt;
        WriteTime(buffer, at, DateTimeOffset.UnixEpoch);
        WriteOptionalTime(buffer, entry.ValidUntil, at);
        WriteMasked(buffer, entry.MaskedName);
        WriteMasked(buffer, entry.MaskedDocument);
        WriteOptionalString(buffer, entry.NatResult);
        WriteOptionalTime(buffer, entry.NatSampledAt, at);
        WriteOptionalTime(buffer, entry.NatReportedAt, at);
        WriteVarint(buffer, entry.VaccineDoses is { } doses ? (ulong)doses + 1 : 0);
        buffer.Write([entry.RiskAreaVisit switch { null => (byte)0, false => (byte)1, true => (byte)2 }]);
        WriteTime(buffer, entry.ReceivedAt, at);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The whole value as the Apply script stores it (tests and tools that write values directly).</summary>
    public static byte[] Encode(StatusEntry entry, DateTimeOffset expiresAt, bool multi = false)
    {
        var flags = (multi ? "m" : "") + (entry.Revoked ? "r" : "");
        var prefix = Encoding.ASCII.GetBytes(
            $"{entry.Sequence.ToString(CultureInfo.InvariantCulture)}|{entry.HolderKey}|{flags}|{HolderIndexCodec.Base36(expiresAt.ToUnixTimeSeconds())}|");
        return [.. prefix, .. EncodeRecord(entry)];
    }

    /// <summary>The prefix of a stored value, or null when the value is not one this build reads.</summary>
    public static StoredPrefix? ReadPrefix(ReadOnlySpan<byte> value)
    {
        Span<int> bars = stackalloc int[4];
        var at = 0;
        for (var i = 0; i < bars.Length; i++)
        {
            var next = value[at..].IndexOf((byte)'|');
            if (next < 0) return null;
            bars[i] = at + next;
            at = bars[i] + 1;
        }
        if (!long.TryParse(value[..bars[0]], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)) return null;
        if (!HolderIndexCodec.TryBase36(Encoding.ASCII.GetString(value[(bars[2] + 1)..bars[3]]), out var expires)) return null;
        var holder = Encoding.ASCII.GetString(value[(bars[0] + 1)..bars[1]]);
        var flags = value[(bars[1] + 1)..bars[2]];
        return new StoredPrefix(sequence, holder, flags.Contains((byte)'m'), flags.Contains((byte)'r'),
            DateTimeOffset.FromUnixTimeSeconds(expires), bars[3] + 1);
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
            var reader = new RecordReader(record);
            if (reader.Byte() != Version) return null;
            var level = reader.Byte();
            // Fail closed: a level this build cannot name reads as absent (verify answers manual), never a guess.
            if (!Enum.IsDefined((RiskLevel)level)) return null;
            var nativeLevel = reader.String();
            var subStatus = reader.OptionalString();
            var statusAt = reader.Time(DateTimeOffset.UnixEpoch);
            var entry = new StatusEntry(
                Issuer: issuer,
                Code: code,
                Sequence: prefix.Sequence,
                Level: (RiskLevel)level,
                NativeLevel: nativeLevel,
                SubStatus: subStatus,
                StatusAt: statusAt,
                ValidUntil: reader.OptionalTime(statusAt),
                Revoked: prefix.Revoked,
                HolderKey: prefix.Holder.Length == 0 ? null : prefix.Holder,
                MaskedName: reader.Masked(),
                MaskedDocument: reader.Masked(),
                NatResult: reader.OptionalString(),
                NatSampledAt: reader.OptionalTime(statusAt),
                NatReportedAt: reader.OptionalTime(statusAt),
                VaccineDoses: reader.Varint() is var doses and > 0 ? checked((int)(doses - 1)) : null,
                RiskAreaVisit: reader.Byte() switch { 0 => null, 1 => false, 2 => true, _ => throw new FormatException("risk area") },
                ReceivedAt: reader.Time(statusAt));
            return reader.AtEnd ? entry : null;
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
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

    // A time is its distance from a base (the Unix epoch for the status time, the status time for the others, so they
    // are small): whole seconds when it has no milliseconds (the common case), then its offset in quarter hours.
    private static void WriteTime(IBufferWriter<byte> buffer, DateTimeOffset time, DateTimeOffset relativeTo) =>
        WriteTimeCode(buffer, time, relativeTo, 0);

    private static void WriteOptionalTime(IBufferWriter<byte> buffer, DateTimeOffset? time, DateTimeOffset relativeTo)
    {
        if (time is { } t) WriteTimeCode(buffer, t, relativeTo, 1);
        else WriteVarint(buffer, 0);
    }

    private static void WriteTimeCode(IBufferWriter<byte> buffer, DateTimeOffset time, DateTimeOffset relativeTo, ulong shift)
    {
        var milliseconds = time.ToUnixTimeMilliseconds() - relativeTo.ToUnixTimeMilliseconds();
        var distance = milliseconds % 1000 == 0 ? ZigZag(milliseconds / 1000) << 1 : (ZigZag(milliseconds) << 1) | 1;
        WriteVarint(buffer, distance + shift);
        var minutes = (long)time.Offset.TotalMinutes;
        WriteVarint(buffer, minutes % 15 == 0 ? ZigZag(minutes / 15) << 1 : (ZigZag(minutes) << 1) | 1);
    }

    // Masked forms are mostly asterisks ("3301**********7021"): a run of three or more is written as 0x01 and its length.
    // A text that itself holds 0x01 is written as it is (the low bit of the length says which).
    private static void WriteMasked(IBufferWriter<byte> buffer, string? text)
    {
        if (text is null)
        {
            WriteVarint(buffer, 0);
            return;
        }
        var packed = text.Contains('\u0001') ? null : PackStars(text);
        var bytes = Encoding.UTF8.GetBytes(packed ?? text);
        WriteVarint(buffer, (((ulong)bytes.Length + 1) << 1) | (packed is null ? 0UL : 1UL));
        buffer.Write(bytes);
    }

    private static string PackStars(string text)
    {
        var packed = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length;)
        {
            var run = 0;
            while (i + run < text.Length && text[i + run] == '*' && run < 127) run++;
            if (run >= 3)
            {
                packed.Append('\u0001').Append((char)run);
                i += run;
            }
            else
            {
                packed.Append(text[i]);
                i++;
            }
        }
        return packed.ToString();
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
