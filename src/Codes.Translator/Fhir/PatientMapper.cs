using HealthCode.Translator.Canonical;
using Hl7.Fhir.Model;

namespace HealthCode.Translator.Fhir;

/// <summary>The only place PII (name, document number, nationality) enters the bundle.</summary>
internal static class PatientMapper
{
    public static Patient Map(PersonInfo person)
    {
        if (!DocumentTypes.All.Contains(person.Document.Type))
        {
            throw new ArgumentException(
                $"Document type '{person.Document.Type}' is not canonical; normalize the record before converting it to FHIR.",
                nameof(person));
        }

        var patient = new Patient();
        if (!string.IsNullOrWhiteSpace(person.Nationality))
        {
            patient.Extension.Add(Nationality(person.Nationality));
        }

        if (!string.IsNullOrWhiteSpace(person.Document.Number))
        {
            patient.Identifier.Add(new Identifier(FhirUris.DocumentIdentifierSystem(person.Document.Type), person.Document.Number));
        }

        if (!string.IsNullOrWhiteSpace(person.Name))
        {
            // Text only: splitting Chinese names into family/given is unreliable (compound surnames), so it is not attempted.
            patient.Name.Add(new HumanName { Text = person.Name });
        }

        return patient;
    }

    // patient-nationality is a complex extension: the country sits in its "code" sub-extension.
    private static Extension Nationality(string alpha3) => new()
    {
        Url = FhirUris.PatientNationalityExtension,
        Extension = [new Extension("code", new CodeableConcept { Coding = [new Coding(FhirUris.Iso3166, alpha3)] })],
    };
}
