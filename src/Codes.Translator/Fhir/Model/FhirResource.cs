using System.Text.Json.Serialization;

namespace HealthCode.Translator.Fhir.Model;

/// <summary>Base of the few FHIR R4 resources this project emits; not a general FHIR model.</summary>
// Derived types are listed so that a bundle entry typed as FhirResource serializes with its runtime shape.
[JsonDerivedType(typeof(FhirBundle))]
[JsonDerivedType(typeof(FhirPatient))]
[JsonDerivedType(typeof(FhirOrganization))]
[JsonDerivedType(typeof(FhirObservation))]
[JsonDerivedType(typeof(FhirImmunization))]
public abstract record FhirResource
{
    protected FhirResource(string resourceType) => ResourceType = resourceType;

    // FHIR JSON convention (and many parsers) expect resourceType as the first property.
    [JsonPropertyOrder(-1)]
    public string ResourceType { get; }
}
