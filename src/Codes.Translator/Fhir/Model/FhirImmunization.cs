namespace HealthCode.Translator.Fhir.Model;

/// <summary>occurrence[x] is required; OccurrenceString carries "unknown" because health codes give no dose dates.</summary>
public sealed record FhirImmunization() : FhirResource("Immunization")
{
    public IReadOnlyList<FhirExtension>? Extension { get; init; }

    public required string Status { get; init; }

    public required FhirCodeableConcept VaccineCode { get; init; }

    public required FhirReference Patient { get; init; }

    public required string OccurrenceString { get; init; }

    public bool? PrimarySource { get; init; }

    public IReadOnlyList<FhirImmunizationProtocolApplied>? ProtocolApplied { get; init; }
}
