namespace HealthCode.Translator.Fhir.Model;

public sealed record FhirPatient() : FhirResource("Patient")
{
    public IReadOnlyList<FhirExtension>? Extension { get; init; }

    public IReadOnlyList<FhirIdentifier>? Identifier { get; init; }

    public IReadOnlyList<FhirHumanName>? Name { get; init; }
}
