using System.Security.Cryptography;
using System.Text;

namespace HealthCode.Translator.Fhir;

/// <summary>RFC 9562 version-5 (SHA-1, name-based) UUIDs, so the same record always yields the same fullUrls.</summary>
internal static class NameBasedUuid
{
    // Fixed namespace for HealthCode FHIR resource ids; changing it changes every fullUrl ever emitted.
    public static readonly Guid HealthCodeNamespace = new("d8d6dcb4-75a9-48b5-9a75-0b77c24c5e6f");

    public static Guid Create(Guid namespaceId, string name)
    {
        Span<byte> nameSpaceBytes = stackalloc byte[16];
        namespaceId.TryWriteBytes(nameSpaceBytes, bigEndian: true, out _);
        var nameBytes = Encoding.UTF8.GetBytes(name);

        var input = new byte[16 + nameBytes.Length];
        nameSpaceBytes.CopyTo(input);
        nameBytes.CopyTo(input.AsSpan(16));
        // SHA-1 is what version 5 is defined with; this is an identifier, not a security hash.
#pragma warning disable CA5350
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350

        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    public static string Urn(Guid id) => "urn:uuid:" + id.ToString("D");
}
