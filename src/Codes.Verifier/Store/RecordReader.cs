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

    public DateTimeOffset Time() => At(StatusEntryCodec.UnZigZag(Varint()));

    public DateTimeOffset? OptionalTime() => Varint() is var n and > 0 ? At(StatusEntryCodec.UnZigZag(n - 1)) : null;

    private DateTimeOffset At(long unixMilliseconds)
    {
        var offset = TimeSpan.FromMinutes(StatusEntryCodec.UnZigZag(Varint()));
        return DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds).ToOffset(offset);
    }

    private string Text(int length)
    {
        if (length < 0 || _at + length > _data.Length) throw new FormatException("A text in the status record ends early.");
        var text = Encoding.UTF8.GetString(_data.Slice(_at, length));
        _at += length;
        return text;
    }
}
