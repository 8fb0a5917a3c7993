namespace HealthCode.Translator.Fhir.Model;

/// <summary>
/// effective[x] and value[x] are FHIR choices: at most one of EffectiveDateTime/EffectivePeriod and of
/// ValueCodeableConcept/DataAbsentReason is set by the mappers.
/// </summary>
public sealed record FhirObservation() : FhirResource("Observation")
{
    public IReadOnlyList<FhirIdentifier>? Identifier { get; init; }

    public required string Status { get; init; }

    public IReadOnlyList<FhirCodeableConcept>? Category { get; init; }

    public required FhirCodeableConcept Code { get; init; }

    public FhirReference? Subject { get; init; }

    public string? EffectiveDateTime { get; init; }

    public FhirPeriod? EffectivePeriod { get; init; }

    public string? Issued { get; init; }

    public IReadOnlyList<FhirReference>? Performer { get; init; }

    public FhirCodeableConcept? ValueCodeableConcept { get; init; }

    public FhirCodeableConcept? DataAbsentReason { get; init; }

    public IReadOnlyList<FhirObservationComponent>? Component { get; init; }
}
