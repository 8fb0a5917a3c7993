using HealthCode.Translator.Canonical;
using Hl7.Fhir.Model;

namespace HealthCode.Translator.Fhir;

internal static class NatObservationMapper
{
    public const string LoincSarsCov2RnaNaa = "94500-6";
    public const string SnomedNegative = "260385009";
    public const string SnomedPositive = "10828004";

    public static Observation Map(NatInfo nat, BundleEntryIds ids)
    {
        var (value, absent) = nat.Result switch
        {
            NatResults.Negative => (Snomed(SnomedNegative, "Negative"), null),
            NatResults.Positive => (Snomed(SnomedPositive, "Positive"), null),
            // "none": the region has no test on record; kept as an Observation so "no test" stays distinguishable from "not reported".
            NatResults.None => ((CodeableConcept?)null, Absent("not-performed", "Not Performed")),
            NatResults.Unknown => (null, Absent("unknown", "Unknown")),
            _ => throw new ArgumentException(
                $"NAT result '{nat.Result}' is not canonical; normalize the record before converting it to FHIR.", nameof(nat)),
        };

        return new Observation
        {
            Status = ObservationStatus.Final,
            Category = [new CodeableConcept { Coding = [new Coding(FhirUris.ObservationCategory, "laboratory", "Laboratory")] }],
            Code = new CodeableConcept(
                FhirUris.Loinc,
                LoincSarsCov2RnaNaa,
                "SARS-CoV-2 (COVID-19) RNA [Presence] in Respiratory specimen by NAA with probe detection",
                "SARS-CoV-2 nucleic acid test"),
            Subject = new ResourceReference(ids.Patient),
            // FHIR: for specimen-based tests effective[x] is the collection time.
            Effective = nat.SampledAt is { } sampled ? FhirTime.DateTime(sampled) : null,
            IssuedElement = nat.ReportedAt is { } reported ? FhirTime.Instant(reported) : null,
            Value = value,
            DataAbsentReason = absent,
        };
    }

    private static CodeableConcept Snomed(string code, string display) => new(FhirUris.SnomedCt, code, display, display);

    private static CodeableConcept Absent(string code, string display) => new(FhirUris.DataAbsentReason, code, display, display);
}
