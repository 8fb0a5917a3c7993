namespace HealthCode.Cli.Snapshots;

/// <summary>
/// The snapshot file as HttpClient reads it for the upload: counts bytes (for the progress bar) and lines (so the
/// apply bar knows its total once the upload is done) as they go, without reading the file twice.
/// </summary>
public sealed class UploadStream(Stream inner, Action<long> progressed) : Stream
{
    private long _read;
    private long _lines;
    private byte _last = (byte)'\n';

    public long Lines => Interlocked.Read(ref _lines) + (_last == (byte)'\n' ? 0 : 1);

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => inner.Length;

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(buffer.AsSpan(offset, inner.Read(buffer, offset, count)));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        return Count(buffer.Span[..read]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Count(ReadOnlySpan<byte> chunk)
    {
        if (chunk.Length == 0) return 0;
        Interlocked.Add(ref _lines, chunk.Count((byte)'\n'));
        _last = chunk[^1];
        _read += chunk.Length;
        progressed(_read);
        return chunk.Length;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
