using HealthCode.Translator.Fhir.Model;

namespace HealthCode.Translator.Fhir;

internal static class IssuerMapper
{
    public static FhirOrganization Map(string issuer) => new()
    {
        Identifier = [new FhirIdentifier(FhirUris.RegionIdentifierSystem, issuer)],
    };
}
