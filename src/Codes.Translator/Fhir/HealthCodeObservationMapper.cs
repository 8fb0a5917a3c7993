using HealthCode.Translator.Canonical;
using Hl7.Fhir.Model;

namespace HealthCode.Translator.Fhir;

internal static class HealthCodeObservationMapper
{
    public const string StatusCode = "health-code-status";
    public const string SubStatusCode = "health-code-sub-status";
    public const string RiskAreaVisitCode = "risk-area-visit";

    public static Observation Map(CanonicalRecord record, TravelInfo? travel, BundleEntryIds ids)
    {
        var code = record.Code;
        var observation = new Observation
        {
            Identifier = [new Identifier(FhirUris.HealthCodeIdentifierSystem(record.Issuer), code.Value)],
            Status = ObservationStatus.Final,
            Code = Concept(StatusCode, "Health code status"),
            Subject = new ResourceReference(ids.Patient),
            Effective = Effective(code),
            Performer = [new ResourceReference(ids.Organization)],
            Value = Level(record.Issuer, code),
        };

        if (!string.IsNullOrWhiteSpace(code.SubStatus))
        {
            observation.Component.Add(new Observation.ComponentComponent
            {
                Code = Concept(SubStatusCode, "Health code sub-status"),
                Value = new FhirString(code.SubStatus),
            });
        }

        if (travel?.RiskAreaVisit is { } visited)
        {
            observation.Component.Add(new Observation.ComponentComponent
            {
                Code = Concept(RiskAreaVisitCode, "Visited a risk area"),
                Value = new FhirBoolean(visited),
            });
        }

        return observation;
    }

    // effective[x] is a choice: a period when the issuer's rules give a hard expiry, else the status time alone.
    private static DataType Effective(CodeInfo code)
    {
        if (code.ValidUntil is not { } validUntil)
        {
            return FhirTime.DateTime(code.StatusAt);
        }

        if (validUntil < code.StatusAt)
        {
            throw new ArgumentException(
                $"code.validUntil ({validUntil:O}) is before code.statusAt ({code.StatusAt:O}); a FHIR Period cannot end before it starts.",
                nameof(code));
        }

        return new Period(FhirTime.DateTime(code.StatusAt), FhirTime.DateTime(validUntil));
    }

    private static CodeableConcept Level(string issuer, CodeInfo code)
    {
        var canonical = code.Level.ToWire();
        var concept = new CodeableConcept(FhirUris.CanonicalLevelCodeSystem, canonical, CanonicalDisplay(code.Level), canonical);
        if (!string.IsNullOrWhiteSpace(code.NativeLevel))
        {
            concept.Coding.Add(new Coding(FhirUris.NativeLevelCodeSystem(issuer), code.NativeLevel));
            concept.Text = code.NativeLevel;
        }

        return concept;
    }

    private static string CanonicalDisplay(RiskLevel level) => level switch
    {
        RiskLevel.Green => "Green",
        RiskLevel.Yellow => "Yellow",
        RiskLevel.Red => "Red",
        _ => "Unknown",
    };

    private static CodeableConcept Concept(string code, string display) =>
        new(FhirUris.ObservationCodeSystem, code, display, display);
}
