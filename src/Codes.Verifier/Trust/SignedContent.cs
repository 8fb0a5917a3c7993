using System.Globalization;
using System.Text;
using HealthCode.Verifier.Ingestion;

namespace HealthCode.Verifier.Trust;

/// <summary>
/// The two byte strings an hc-signature may cover. v1 (DESIGN.md §6) is the body alone. v2 binds the headers that
/// steer the write — region, sequence and kind — so a signed body cannot be replayed under a higher sequence or as a
/// revoke. v2 is opt-in per publisher and needs no extra header: the "hc-v2" prefix inside the signed bytes versions it.
/// </summary>
public static class SignedContent
{
    public const string V2Prefix = "hc-v2";

    public static byte[] V2(string region, EventSequence sequence, EventKind kind, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(region);
        var header = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"{V2Prefix}\n{region}\n{sequence}\n{kind.ToWire()}\n"));
        var bytes = new byte[header.Length + body.Length];
        header.CopyTo(bytes, 0);
        body.CopyTo(bytes.AsSpan(header.Length));
        return bytes;
    }
}
