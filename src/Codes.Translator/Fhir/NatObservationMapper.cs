using HealthCode.Translator.Canonical;
using HealthCode.Translator.Fhir.Model;

namespace HealthCode.Translator.Fhir;

internal static class NatObservationMapper
{
    public const string LoincSarsCov2RnaNaa = "94500-6";
    public const string SnomedNegative = "260385009";
    public const string SnomedPositive = "10828004";

    private static readonly FhirCodeableConcept LoincCode = new(
        [new FhirCoding(FhirUris.Loinc, LoincSarsCov2RnaNaa, "SARS-CoV-2 (COVID-19) RNA [Presence] in Respiratory specimen by NAA with probe detection")],
        "SARS-CoV-2 nucleic acid test");

    private static readonly FhirCodeableConcept LaboratoryCategory = new(
        [new FhirCoding(FhirUris.ObservationCategory, "laboratory", "Laboratory")]);

    public static FhirObservation Map(NatInfo nat, BundleEntryIds ids)
    {
        var (value, absent) = nat.Result switch
        {
            NatResults.Negative => (Snomed(SnomedNegative, "Negative"), null),
            NatResults.Positive => (Snomed(SnomedPositive, "Positive"), null),
            // "none": the region has no test on record; kept as an Observation so "no test" stays distinguishable from "not reported".
            NatResults.None => ((FhirCodeableConcept?)null, Absent("not-performed", "Not Performed")),
            NatResults.Unknown => (null, Absent("unknown", "Unknown")),
            _ => throw new ArgumentException(
                $"NAT result '{nat.Result}' is not canonical; normalize the record before converting it to FHIR.", nameof(nat)),
        };

        return new FhirObservation
        {
            Status = "final",
            Category = [LaboratoryCategory],
            Code = LoincCode,
            Subject = new FhirReference(ids.Patient),
            // FHIR: for specimen-based tests effective[x] is the collection time.
            EffectiveDateTime = nat.SampledAt is { } sampled ? FhirDateTime.Format(sampled) : null,
            Issued = nat.ReportedAt is { } reported ? FhirDateTime.Format(reported) : null,
            ValueCodeableConcept = value,
            DataAbsentReason = absent,
        };
    }

    private static FhirCodeableConcept Snomed(string code, string display) =>
        new([new FhirCoding(FhirUris.SnomedCt, code, display)], display);

    private static FhirCodeableConcept Absent(string code, string display) =>
        new([new FhirCoding(FhirUris.DataAbsentReason, code, display)], display);
}
