namespace HealthCode.Translator.Fhir.Model;

public sealed record FhirBundle() : FhirResource("Bundle")
{
    public required string Type { get; init; }

    public required IReadOnlyList<FhirBundleEntry> Entry { get; init; }
}
