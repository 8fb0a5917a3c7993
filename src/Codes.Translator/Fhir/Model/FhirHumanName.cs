namespace HealthCode.Translator.Fhir.Model;

/// <summary>Text only: splitting Chinese names into family/given is unreliable (compound surnames), so it is not attempted.</summary>
public sealed record FhirHumanName(string Text);
