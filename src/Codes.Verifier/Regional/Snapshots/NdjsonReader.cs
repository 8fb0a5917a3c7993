using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;

namespace HealthCode.Verifier.Regional.Snapshots;

/// <summary>
/// Splits a stream into lines with a <see cref="PipeReader"/>, never holding more than one read buffer plus one line:
/// a line longer than the limit is skipped up to its newline and reported as TooLong (its bytes are not kept). Blank
/// lines (whitespace only, e.g. the last newline) are skipped but keep the numbering; "\r\n" endings are accepted.
/// </summary>
public static class NdjsonReader
{
    public static async IAsyncEnumerable<NdjsonLine> ReadAsync(Stream source, int maxLineBytes, [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        var reader = PipeReader.Create(source, new StreamPipeReaderOptions(bufferSize: 64 * 1024, leaveOpen: true));
        var state = new SplitState(maxLineBytes);
        try
        {
            while (true)
            {
                var read = await reader.ReadAsync(ct);
                var buffer = read.Buffer;
                var lines = Split(ref buffer, state, read.IsCompleted);
                reader.AdvanceTo(buffer.Start, buffer.End);
                foreach (var line in lines) yield return line;
                if (read.IsCompleted) break;
            }
        }
        finally
        {
            await reader.CompleteAsync();
        }
    }

    private static List<NdjsonLine> Split(ref ReadOnlySequence<byte> buffer, SplitState state, bool completed)
    {
        var lines = new List<NdjsonLine>();
        while (true)
        {
            var newline = buffer.PositionOf((byte)'\n');
            if (newline is null)
            {
                if (state.Skipping || buffer.Length > state.MaxLineBytes)
                {
                    // Too long already: drop what we have and keep dropping until the newline.
                    if (!state.Skipping) state.Skip();
                    buffer = buffer.Slice(buffer.End);
                }
                if (completed)
                {
                    if (state.Skipping) lines.Add(state.EndSkipped());
                    else if (buffer.Length > 0) state.Add(lines, buffer);
                    buffer = buffer.Slice(buffer.End);
                }
                return lines;
            }
            var line = buffer.Slice(0, newline.Value);
            if (state.Skipping) lines.Add(state.EndSkipped());
            else if (line.Length > state.MaxLineBytes) lines.Add(state.TooLong());
            else state.Add(lines, line);
            buffer = buffer.Slice(buffer.GetPosition(1, newline.Value));
        }
    }

    private sealed class SplitState(int maxLineBytes)
    {
        private long _number;

        public int MaxLineBytes { get; } = maxLineBytes;
        public bool Skipping { get; private set; }

        public void Skip() => Skipping = true;

        public NdjsonLine EndSkipped()
        {
            Skipping = false;
            return TooLong();
        }

        public NdjsonLine TooLong() => new(++_number, [], TooLong: true);

        public void Add(List<NdjsonLine> lines, ReadOnlySequence<byte> line)
        {
            var bytes = line.ToArray();
            var end = bytes.Length;
            if (end > 0 && bytes[end - 1] == (byte)'\r') end--;
            _number++;
            if (bytes.AsSpan(0, end).IndexOfAnyExcept(" \t"u8) < 0) return;
            lines.Add(new NdjsonLine(_number, end == bytes.Length ? bytes : bytes[..end], TooLong: false));
        }
    }
}
