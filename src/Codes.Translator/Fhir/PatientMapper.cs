using HealthCode.Translator.Canonical;
using HealthCode.Translator.Fhir.Model;

namespace HealthCode.Translator.Fhir;

/// <summary>The only place PII (name, document number, nationality) enters the bundle.</summary>
internal static class PatientMapper
{
    public static FhirPatient Map(PersonInfo person)
    {
        if (!DocumentTypes.All.Contains(person.Document.Type))
        {
            throw new ArgumentException(
                $"Document type '{person.Document.Type}' is not canonical; normalize the record before converting it to FHIR.",
                nameof(person));
        }

        return new FhirPatient
        {
            Extension = string.IsNullOrWhiteSpace(person.Nationality) ? null : [Nationality(person.Nationality)],
            Identifier = string.IsNullOrWhiteSpace(person.Document.Number)
                ? null
                : [new FhirIdentifier(FhirUris.DocumentIdentifierSystem(person.Document.Type), person.Document.Number)],
            Name = string.IsNullOrWhiteSpace(person.Name) ? null : [new FhirHumanName(person.Name)],
        };
    }

    private static FhirExtension Nationality(string alpha3) => new(FhirUris.PatientNationalityExtension)
    {
        // patient-nationality is a complex extension: the country sits in its "code" sub-extension.
        Extension =
        [
            new FhirExtension("code")
            {
                ValueCodeableConcept = new FhirCodeableConcept([new FhirCoding(FhirUris.Iso3166, alpha3)]),
            },
        ],
    };
}
