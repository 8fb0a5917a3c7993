namespace HealthCode.Translator.Fhir.Model;

/// <summary>The issuing region's health-code system; identified by region id only (org-1 needs identifier or name).</summary>
public sealed record FhirOrganization() : FhirResource("Organization")
{
    public required IReadOnlyList<FhirIdentifier> Identifier { get; init; }
}
