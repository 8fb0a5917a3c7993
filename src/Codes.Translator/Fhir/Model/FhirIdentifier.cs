namespace HealthCode.Translator.Fhir.Model;

public sealed record FhirIdentifier(string System, string Value);
