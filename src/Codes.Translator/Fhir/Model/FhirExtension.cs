namespace HealthCode.Translator.Fhir.Model;

/// <summary>Either a value[x] or nested Extension (complex extension), never both (ext-1).</summary>
public sealed record FhirExtension(string Url)
{
    public IReadOnlyList<FhirExtension>? Extension { get; init; }

    public FhirCodeableConcept? ValueCodeableConcept { get; init; }

    public int? ValueUnsignedInt { get; init; }
}
