using System.Security.Cryptography;

namespace HealthCode.Verifier.Trust;

/// <summary>Reads a registered public key: base64 SubjectPublicKeyInfo DER or a PEM "PUBLIC KEY" block, P-256 only.</summary>
internal static class PublicKeyReader
{
    private const string PublicKeyLabel = "PUBLIC KEY";

    /// <returns>The SubjectPublicKeyInfo DER, or null with <paramref name="problem"/> saying what is wrong.</returns>
    public static byte[]? TryRead(string text, out string problem)
    {
        var der = Decode(text.Trim(), out problem);
        if (der is null) return null;
        try
        {
            using var ecdsa = ECDsa.Create();
            ecdsa.ImportSubjectPublicKeyInfo(der, out var read);
            if (read != der.Length)
            {
                problem = "trailing bytes after the SubjectPublicKeyInfo.";
                return null;
            }
            var curve = ecdsa.ExportParameters(includePrivateParameters: false).Curve;
            if (!P256.Is(curve))
            {
                problem = $"the key is on {P256.Describe(curve)}; only P-256 (ES256) keys are accepted.";
                return null;
            }
        }
        catch (CryptographicException)
        {
            // RSA, Ed25519 or garbage: ECDsa cannot import it. The exception text adds nothing for the operator.
            problem = "not an EC public key (SubjectPublicKeyInfo); only P-256 (ES256) keys are accepted.";
            return null;
        }
        problem = "";
        return der;
    }

    private static byte[]? Decode(string text, out string problem)
    {
        problem = "";
        if (text.StartsWith("-----", StringComparison.Ordinal))
        {
            if (!PemEncoding.TryFind(text, out var fields))
            {
                problem = "not a well-formed PEM block.";
                return null;
            }
            var label = text[fields.Label];
            if (label != PublicKeyLabel)
            {
                // A pasted private key must never be accepted, even though it contains the public key.
                problem = label.Contains("PRIVATE", StringComparison.Ordinal)
                    ? "this is a PRIVATE key; register only the public key (openssl ec -in key.pem -pubout)."
                    : $"PEM label '{label}' is not '{PublicKeyLabel}'.";
                return null;
            }
            return Convert.FromBase64String(text[fields.Base64Data]);
        }
        var buffer = new byte[text.Length];
        if (Convert.TryFromBase64String(text, buffer, out var written)) return buffer[..written];
        problem = "neither base64 SubjectPublicKeyInfo DER nor a PEM 'PUBLIC KEY' block.";
        return null;
    }
}
