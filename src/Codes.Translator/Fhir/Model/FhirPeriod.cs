namespace HealthCode.Translator.Fhir.Model;

public sealed record FhirPeriod(string Start, string End);
