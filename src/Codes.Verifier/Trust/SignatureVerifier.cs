using System.Security.Cryptography;

namespace HealthCode.Verifier.Trust;

/// <summary>ES256 verification of the exact body bytes, in either signature encoding publishers produce.</summary>
internal static class SignatureVerifier
{
    private const int P1363Length = 64;
    private const byte DerSequenceTag = 0x30;

    public static bool Verify(TrustKey key, ReadOnlySpan<byte> body, ReadOnlySpan<byte> signature)
    {
        // A fresh ECDsa per call: .NET does not document AsymmetricAlgorithm instances as safe for concurrent use, and
        // the consumer may run on several threads. Importing a 91-byte SPKI costs little next to the verification.
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportSubjectPublicKeyInfo(key.SubjectPublicKeyInfo.Span, out _);
        // Canonical: IEEE P1363 r||s, as in JWS ES256 and EventSigner.
        if (signature.Length == P1363Length
            && ecdsa.VerifyData(body, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
            return true;
        // Also accepted: DER (RFC 3279), what `openssl dgst -sha256 -sign` writes. A 64-byte DER signature is possible,
        // so the length alone does not decide the encoding.
        if (signature.Length > 0 && signature[0] == DerSequenceTag)
        {
            try
            {
                return ecdsa.VerifyData(body, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
            }
            catch (CryptographicException)
            {
                return false;
            }
        }
        return false;
    }
}
