namespace HealthCode.Translator.Fhir.Model;

/// <summary>FullUrl is a urn:uuid; references between entries use it.</summary>
public sealed record FhirBundleEntry(string FullUrl, FhirResource Resource);
