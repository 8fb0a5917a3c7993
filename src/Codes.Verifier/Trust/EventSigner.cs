using System.Security.Cryptography;
using HealthCode.Verifier.Ingestion;

namespace HealthCode.Verifier.Trust;

/// <summary>
/// How a publisher (or a test) produces hc-signature: ES256 over the exact body bytes that will be sent, encoded as
/// base64 of the 64-byte IEEE P1363 r||s form (the canonical encoding; DER is accepted too, see docs/signing.md).
/// </summary>
public static class EventSigner
{
    /// <summary>AMQP header carrying the signature; HTTP uses <see cref="HttpSignatureHeader"/>.</summary>
    public const string SignatureHeader = "hc-signature";
    /// <summary>AMQP header naming the key; HTTP uses <see cref="HttpKeyIdHeader"/>.</summary>
    public const string KeyIdHeader = "hc-key-id";
    public const string HttpSignatureHeader = "X-HC-Signature";
    public const string HttpKeyIdHeader = "X-HC-Key-Id";

    /// <summary>v2: the signature also covers region, sequence and kind (see <see cref="SignedContent"/>).</summary>
    public static string SignBound(string region, EventSequence sequence, EventKind kind, ReadOnlySpan<byte> body, ECDsa key) =>
        Sign(SignedContent.V2(region, sequence, kind, body), key);

    public static string Sign(ReadOnlySpan<byte> body, ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        // Signing with another curve would only produce events every consumer refuses; fail at the publisher instead.
        var curve = key.ExportParameters(includePrivateParameters: false).Curve;
        if (!P256.Is(curve))
            throw new ArgumentException($"The key is on {P256.Describe(curve)}; hc-signature requires a P-256 (ES256) key.", nameof(key));
        return Convert.ToBase64String(key.SignData(body, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }
}
