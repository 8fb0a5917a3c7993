using System.Security.Cryptography;

namespace HealthCode.Verifier.Trust;

/// <summary>The one curve ES256 allows.</summary>
internal static class P256
{
    private const string Oid = "1.2.840.10045.3.1.7";
    private static readonly string[] FriendlyNames = ["nistP256", "ECDSA_P256", "secp256r1", "prime256v1"];

    public static bool Is(ECCurve curve) =>
        curve.IsNamed && curve.Oid is { } oid
        && (oid.Value == Oid || (oid.Value is null && FriendlyNames.Contains(oid.FriendlyName, StringComparer.OrdinalIgnoreCase)));

    public static string Describe(ECCurve curve) =>
        curve.IsNamed ? curve.Oid.FriendlyName ?? curve.Oid.Value ?? "an unnamed curve" : "explicit curve parameters";
}
