using HealthCode.Translator.Canonical;
using Hl7.Fhir.Model;

namespace HealthCode.Translator.Fhir;

/// <summary>
/// Health codes carry only a dose count, so one Immunization summarises them: the latest dose is dose N.
/// The vaccine product is never stated by the issuers, hence "unspecified" codes.
/// </summary>
internal static class ImmunizationMapper
{
    public const string UnknownOccurrence = "unknown";

    public static Immunization Map(VaccinationInfo vaccination, BundleEntryIds ids)
    {
        if (vaccination.Doses < 0)
        {
            throw new ArgumentException($"Dose count {vaccination.Doses} is negative.", nameof(vaccination));
        }

        var immunization = new Immunization
        {
            // The exact count, including 0, survives here; protocolApplied cannot say 0 (doseNumberPositiveInt).
            Extension = [new Extension(FhirUris.VaccinationDoseCountExtension, new UnsignedInt(vaccination.Doses))],
            Status = vaccination.Doses > 0 ? Immunization.ImmunizationStatusCodes.Completed : Immunization.ImmunizationStatusCodes.NotDone,
            VaccineCode = CovidVaccineUnspecified(),
            Patient = new ResourceReference(ids.Patient),
            // occurrence[x] is required and health codes give no dose dates.
            Occurrence = new FhirString(UnknownOccurrence),
            // Reported through the health-code system, not by the vaccinator.
            PrimarySource = false,
        };

        if (vaccination.Doses > 0)
        {
            immunization.ProtocolApplied.Add(new Immunization.ProtocolAppliedComponent { DoseNumber = new PositiveInt(vaccination.Doses) });
        }

        return immunization;
    }

    // A new instance per bundle: SDK resources are mutable, so a shared one could be changed through any bundle.
    private static CodeableConcept CovidVaccineUnspecified() => new()
    {
        Coding =
        [
            new Coding(FhirUris.Cvx, "213", "SARS-COV-2 (COVID-19) vaccine, UNSPECIFIED FORMULATION"),
            new Coding(FhirUris.Icd11Mms, "XM68M6", "COVID-19 vaccines"),
        ],
        Text = "COVID-19 vaccine, product not stated by the issuer",
    };
}
