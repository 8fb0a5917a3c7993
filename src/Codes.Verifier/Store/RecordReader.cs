using System.Text;

namespace HealthCode.Verifier.Store;

/// <summary>Reads the binary status record <see cref="StatusEntryCodec"/> writes; any malformed part throws FormatException.</summary>
internal ref struct RecordReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _at;

    public readonly bool AtEnd => _at == _data.Length;

    public byte Byte() => _at < _data.Length ? _data[_at++] : throw new FormatException("The status record ends early.");

    public ulong Varint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = Byte();
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return value;
        }
        throw new FormatException("A varint in the status record is too long.");
    }

    public string String() => Text(checked((int)Varint()));

    public string? OptionalString() => Varint() is var n and > 0 ? Text(checked((int)(n - 1))) : null;

    public DateTimeOffset Time(DateTimeOffset relativeTo) => At(Varint(), relativeTo);

    public DateTimeOffset? OptionalTime(DateTimeOffset relativeTo) => Varint() is var n and > 0 ? At(n - 1, relativeTo) : null;

    public string? Masked()
    {
        var header = Varint();
        if (header == 0) return null;
        var text = Text(checked((int)((header >> 1) - 1)));
        return (header & 1) == 0 ? text : UnpackStars(text);
    }

    private DateTimeOffset At(ulong distance, DateTimeOffset relativeTo)
    {
        var milliseconds = (distance & 1) == 0 ? checked(StatusEntryCodec.UnZigZag(distance >> 1) * 1000) : StatusEntryCodec.UnZigZag(distance >> 1);
        var offsetCode = Varint();
        var minutes = (offsetCode & 1) == 0 ? StatusEntryCodec.UnZigZag(offsetCode >> 1) * 15 : StatusEntryCodec.UnZigZag(offsetCode >> 1);
        return relativeTo.AddTicks(checked(milliseconds * TimeSpan.TicksPerMillisecond)).ToOffset(TimeSpan.FromMinutes(minutes));
    }

    private static string UnpackStars(string text)
    {
        var unpacked = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\u0001' && i + 1 < text.Length)
            {
                unpacked.Append('*', text[i + 1]);
                i++;
            }
            else
            {
                unpacked.Append(text[i]);
            }
        }
        return unpacked.ToString();
    }

    private string Text(int length)
    {
        if (length < 0 || _at + length > _data.Length) throw new FormatException("A text in the status record ends early.");
        var text = Encoding.UTF8.GetString(_data.Slice(_at, length));
        _at += length;
        return text;
    }
}
