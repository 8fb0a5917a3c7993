namespace HealthCode.Translator.Fhir.Model;

public sealed record FhirCodeableConcept(IReadOnlyList<FhirCoding>? Coding, string? Text = null);
