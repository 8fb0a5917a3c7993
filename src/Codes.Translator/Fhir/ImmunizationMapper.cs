using HealthCode.Translator.Canonical;
using HealthCode.Translator.Fhir.Model;

namespace HealthCode.Translator.Fhir;

/// <summary>
/// Health codes carry only a dose count, so one Immunization summarises them: the latest dose is dose N.
/// The vaccine product is never stated by the issuers, hence "unspecified" codes.
/// </summary>
internal static class ImmunizationMapper
{
    public const string UnknownOccurrence = "unknown";

    private static readonly FhirCodeableConcept CovidVaccineUnspecified = new(
        [
            new FhirCoding(FhirUris.Cvx, "213", "SARS-COV-2 (COVID-19) vaccine, UNSPECIFIED FORMULATION"),
            new FhirCoding(FhirUris.Icd11Mms, "XM68M6", "COVID-19 vaccines"),
        ],
        "COVID-19 vaccine, product not stated by the issuer");

    public static FhirImmunization Map(VaccinationInfo vaccination, BundleEntryIds ids)
    {
        if (vaccination.Doses < 0)
        {
            throw new ArgumentException($"Dose count {vaccination.Doses} is negative.", nameof(vaccination));
        }

        return new FhirImmunization
        {
            // The exact count, including 0, survives here; protocolApplied cannot say 0 (doseNumberPositiveInt).
            Extension = [new FhirExtension(FhirUris.VaccinationDoseCountExtension) { ValueUnsignedInt = vaccination.Doses }],
            Status = vaccination.Doses > 0 ? "completed" : "not-done",
            VaccineCode = CovidVaccineUnspecified,
            Patient = new FhirReference(ids.Patient),
            OccurrenceString = UnknownOccurrence,
            // Reported through the health-code system, not by the vaccinator.
            PrimarySource = false,
            ProtocolApplied = vaccination.Doses > 0 ? [new FhirImmunizationProtocolApplied(vaccination.Doses)] : null,
        };
    }
}
