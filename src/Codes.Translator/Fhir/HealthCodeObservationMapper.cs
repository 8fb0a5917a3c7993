using HealthCode.Translator.Canonical;
using HealthCode.Translator.Fhir.Model;

namespace HealthCode.Translator.Fhir;

internal static class HealthCodeObservationMapper
{
    public const string StatusCode = "health-code-status";
    public const string SubStatusCode = "health-code-sub-status";
    public const string RiskAreaVisitCode = "risk-area-visit";

    public static FhirObservation Map(CanonicalRecord record, TravelInfo? travel, BundleEntryIds ids)
    {
        var code = record.Code;
        var components = new List<FhirObservationComponent>();
        if (!string.IsNullOrWhiteSpace(code.SubStatus))
        {
            components.Add(new FhirObservationComponent { Code = Concept(SubStatusCode, "Health code sub-status"), ValueString = code.SubStatus });
        }

        if (travel?.RiskAreaVisit is { } visited)
        {
            components.Add(new FhirObservationComponent { Code = Concept(RiskAreaVisitCode, "Visited a risk area"), ValueBoolean = visited });
        }

        var (effectiveDateTime, effectivePeriod) = Effective(code);
        return new FhirObservation
        {
            Identifier = [new FhirIdentifier(FhirUris.HealthCodeIdentifierSystem(record.Issuer), code.Value)],
            Status = "final",
            Code = Concept(StatusCode, "Health code status"),
            Subject = new FhirReference(ids.Patient),
            EffectiveDateTime = effectiveDateTime,
            EffectivePeriod = effectivePeriod,
            Performer = [new FhirReference(ids.Organization)],
            ValueCodeableConcept = Level(record.Issuer, code),
            Component = components.Count == 0 ? null : components,
        };
    }

    // effective[x] is a choice: a period when the issuer's rules give a hard expiry, else the status time alone.
    private static (string? DateTime, FhirPeriod? Period) Effective(CodeInfo code)
    {
        if (code.ValidUntil is not { } validUntil)
        {
            return (FhirDateTime.Format(code.StatusAt), null);
        }

        if (validUntil < code.StatusAt)
        {
            throw new ArgumentException(
                $"code.validUntil ({validUntil:O}) is before code.statusAt ({code.StatusAt:O}); a FHIR Period cannot end before it starts.",
                nameof(code));
        }

        return (null, new FhirPeriod(FhirDateTime.Format(code.StatusAt), FhirDateTime.Format(validUntil)));
    }

    private static FhirCodeableConcept Level(string issuer, CodeInfo code)
    {
        var canonical = code.Level.ToWire();
        var codings = new List<FhirCoding> { new(FhirUris.CanonicalLevelCodeSystem, canonical, CanonicalDisplay(code.Level)) };
        if (!string.IsNullOrWhiteSpace(code.NativeLevel))
        {
            codings.Add(new FhirCoding(FhirUris.NativeLevelCodeSystem(issuer), code.NativeLevel));
        }

        return new FhirCodeableConcept(codings, string.IsNullOrWhiteSpace(code.NativeLevel) ? canonical : code.NativeLevel);
    }

    private static string CanonicalDisplay(RiskLevel level) => level switch
    {
        RiskLevel.Green => "Green",
        RiskLevel.Yellow => "Yellow",
        RiskLevel.Red => "Red",
        _ => "Unknown",
    };

    private static FhirCodeableConcept Concept(string code, string display) =>
        new([new FhirCoding(FhirUris.ObservationCodeSystem, code, display)], display);
}
