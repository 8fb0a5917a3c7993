namespace HealthCode.Translator.Fhir.Model;

public sealed record FhirCoding(string System, string Code, string? Display = null);
