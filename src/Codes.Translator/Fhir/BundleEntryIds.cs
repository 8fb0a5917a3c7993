using HealthCode.Translator.Canonical;

namespace HealthCode.Translator.Fhir;

/// <summary>
/// fullUrls of one record's entries. Derived from issuer + code value + resource kind only: stable across status
/// updates of the same code (consumers can upsert) and never derived from PII (a hash of an 18-digit id number
/// is brute-forceable).
/// </summary>
internal sealed record BundleEntryIds(
    string Patient,
    string Organization,
    string HealthCodeObservation,
    string NatObservation,
    string Immunization)
{
    public static BundleEntryIds For(CanonicalRecord record)
    {
        string Id(string kind) =>
            NameBasedUuid.Urn(NameBasedUuid.Create(NameBasedUuid.HealthCodeNamespace, $"{record.Issuer}|{record.Code.Value}|{kind}"));

        return new BundleEntryIds(
            Id("Patient"),
            Id("Organization"),
            Id("Observation/health-code-status"),
            Id("Observation/nat"),
            Id("Immunization"));
    }
}
