using System.Buffers;

namespace HealthCode.Api.Endpoints;

/// <summary>
/// Reads a native payload as bytes (never model-bound: the bytes are what the region sent). The limit holds for a
/// declared Content-Length and for what actually arrives, so a chunked or lying request cannot exceed it.
/// </summary>
public static class RawBody
{
    public const int MaxBytes = 64 * 1024;

    /// <returns>The body, or null when it exceeds <see cref="MaxBytes"/>.</returns>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes) return null;
        var buffer = ArrayPool<byte>.Shared.Rent(MaxBytes + 1);
        try
        {
            var total = 0;
            int read;
            while ((read = await request.Body.ReadAsync(buffer.AsMemory(total, MaxBytes + 1 - total), cancellationToken)) > 0)
            {
                total += read;
                if (total > MaxBytes) return null;
            }
            return buffer.AsSpan(0, total).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
