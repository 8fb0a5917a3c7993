namespace HealthCode.Translator.Fhir.Model;

/// <summary>Always a bundle-internal urn:uuid reference.</summary>
public sealed record FhirReference(string Reference);
