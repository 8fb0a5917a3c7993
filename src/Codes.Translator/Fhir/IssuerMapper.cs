using Hl7.Fhir.Model;

namespace HealthCode.Translator.Fhir;

/// <summary>The issuing region's health-code system, identified by region id only (org-1 needs an identifier or a name).</summary>
internal static class IssuerMapper
{
    public static Organization Map(string issuer) => new()
    {
        Identifier = [new Identifier(FhirUris.RegionIdentifierSystem, issuer)],
    };
}
