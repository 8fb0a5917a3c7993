using System.Security.Cryptography;
using System.Text;

namespace HealthCode.Verifier.Privacy;

/// <summary>
/// Pseudonymous holder identity: HMAC-SHA256 under a service secret of "{docType}:{number}", truncated to
/// 128 bits and base64url-encoded. Lets the store link one person's codes across regions without ever
/// holding the document number; without the secret the key cannot be reversed or brute-forced offline.
/// </summary>
public sealed class HolderKeys
{
    public const int MinimumSecretBytes = 16;
    private const int KeyBytes = 16;
    private readonly byte[] _secret;

    public HolderKeys(ReadOnlySpan<byte> secret)
    {
        if (secret.Length < MinimumSecretBytes)
            throw new ArgumentException($"The holder secret must be at least {MinimumSecretBytes} bytes.", nameof(secret));
        _secret = secret.ToArray();
    }

    /// <summary>The secret as configured (HealthCode:HolderSecret), taken as UTF-8 bytes.</summary>
    public static HolderKeys FromSecret(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return new HolderKeys(Encoding.UTF8.GetBytes(secret));
    }

    public string Compute(string documentType, string documentNumber)
    {
        ArgumentNullException.ThrowIfNull(documentType);
        ArgumentNullException.ThrowIfNull(documentNumber);
        var input = Encoding.UTF8.GetBytes($"{documentType}:{documentNumber}");
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_secret, input, mac);
        return Base64Url(mac[..KeyBytes]);
    }

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
