using System.Net;
using System.Text;

namespace HealthCode.Api.Tests.Regional;

/// <summary>An NDJSON body written line by line as it is sent (chunked, never held whole), as a large snapshot is.</summary>
public sealed class NdjsonContent : HttpContent
{
    private readonly IEnumerable<string> _lines;

    public NdjsonContent(IEnumerable<string> lines)
    {
        _lines = lines;
        Headers.TryAddWithoutValidation("Content-Type", "application/x-ndjson");
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 64 * 1024, leaveOpen: true);
        foreach (var line in _lines)
        {
            await writer.WriteAsync(line);
            await writer.WriteAsync('\n');
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
