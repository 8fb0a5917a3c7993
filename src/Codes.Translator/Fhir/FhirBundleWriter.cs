using HealthCode.Translator.Canonical;
using HealthCode.Translator.Fhir.Model;

namespace HealthCode.Translator.Fhir;

/// <summary>Converts a normalized CanonicalRecord into a FHIR R4 collection Bundle; mapping documented in docs/fhir.md.</summary>
public static class FhirBundleWriter
{
    /// <summary>Same record in, byte-identical bundle out (after <see cref="FhirJson"/>): ids are name-based UUIDs.</summary>
    /// <exception cref="ArgumentException">The record is not canonical (unknown document type or NAT result, negative doses, validity before status).</exception>
    public static FhirBundle ToBundle(CanonicalRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var ids = BundleEntryIds.For(record);

        var entries = new List<FhirBundleEntry>
        {
            new(ids.Patient, PatientMapper.Map(record.Person)),
            new(ids.Organization, IssuerMapper.Map(record.Issuer)),
            new(ids.HealthCodeObservation, HealthCodeObservationMapper.Map(record, record.Health?.Travel, ids)),
        };

        if (record.Health?.Nat is { } nat)
        {
            entries.Add(new FhirBundleEntry(ids.NatObservation, NatObservationMapper.Map(nat, ids)));
        }

        if (record.Health?.Vaccination is { } vaccination)
        {
            entries.Add(new FhirBundleEntry(ids.Immunization, ImmunizationMapper.Map(vaccination, ids)));
        }

        return new FhirBundle { Type = "collection", Entry = entries };
    }
}
