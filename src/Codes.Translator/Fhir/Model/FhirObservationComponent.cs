namespace HealthCode.Translator.Fhir.Model;

/// <summary>One value[x] is set: ValueString or ValueBoolean.</summary>
public sealed record FhirObservationComponent
{
    public required FhirCodeableConcept Code { get; init; }

    public string? ValueString { get; init; }

    public bool? ValueBoolean { get; init; }
}
