namespace HealthCode.Translator.Fhir.Model;

public sealed record FhirImmunizationProtocolApplied(int DoseNumberPositiveInt);
